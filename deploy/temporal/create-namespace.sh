#!/bin/sh
# One-shot (temporalio/admin-tools): waits until the Temporal server serves, then creates the
# namespace the worker and the CLI use, unless it exists.
set -eu
: "${TEMPORAL_ADDRESS:?}" "${TEMPORAL_NAMESPACE:?}"
attempts=60

until temporal operator cluster health --address "$TEMPORAL_ADDRESS" | grep -q SERVING; do
  attempts=$((attempts - 1))
  if [ "$attempts" -le 0 ]; then
    echo "Temporal at $TEMPORAL_ADDRESS never became healthy" >&2
    exit 1
  fi
  echo "waiting for Temporal at $TEMPORAL_ADDRESS"
  sleep 2
done

if temporal operator namespace describe --namespace "$TEMPORAL_NAMESPACE" --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; then
  echo "namespace $TEMPORAL_NAMESPACE exists"
else
  temporal operator namespace create --namespace "$TEMPORAL_NAMESPACE" --retention 72h --address "$TEMPORAL_ADDRESS"
  echo "namespace $TEMPORAL_NAMESPACE created"
fi
