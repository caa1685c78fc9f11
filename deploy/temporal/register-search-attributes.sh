#!/bin/sh
# One-shot (temporalio/admin-tools): registers every custom search attribute the runbooks set
# (RUNBOOK_SEARCH_ATTRIBUTES in docker-compose.yml, the list in workflows' SearchAttributeKeys;
# a test keeps the two equal), as Keyword, skipping those already registered.
set -eu
: "${TEMPORAL_ADDRESS:?}" "${TEMPORAL_NAMESPACE:?}" "${RUNBOOK_SEARCH_ATTRIBUTES:?}"

registered=$(temporal operator search-attribute list --namespace "$TEMPORAL_NAMESPACE" --address "$TEMPORAL_ADDRESS")
for name in $RUNBOOK_SEARCH_ATTRIBUTES; do
  if printf '%s\n' "$registered" | grep -qw "$name"; then
    echo "search attribute $name exists"
  else
    temporal operator search-attribute create --namespace "$TEMPORAL_NAMESPACE" --address "$TEMPORAL_ADDRESS" \
      --name "$name" --type Keyword
    echo "search attribute $name registered"
  fi
done
