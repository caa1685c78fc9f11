#!/bin/sh
# One-shot (temporalio/admin-tools): Temporal's persistence and visibility schemas in Postgres.
# The databases exist already (deploy/postgres/init-databases.sql); setup-schema and update-schema
# are idempotent, so this runs on every `docker compose up`. SQL_PASSWORD reaches the tool from
# the environment.
set -eu
: "${SQL_HOST:?}" "${SQL_PORT:?}" "${SQL_USER:?}" "${SQL_PASSWORD:?}"
SCHEMAS=/etc/temporal/schema/postgresql/v12

until nc -z -w 5 "$SQL_HOST" "$SQL_PORT"; do
  echo "waiting for Postgres at $SQL_HOST:$SQL_PORT"
  sleep 2
done

# setup <database> <schema directory under $SCHEMAS>
setup() {
  temporal-sql-tool --plugin postgres12 --ep "$SQL_HOST" -p "$SQL_PORT" -u "$SQL_USER" --db "$1" setup-schema -v 0.0
  temporal-sql-tool --plugin postgres12 --ep "$SQL_HOST" -p "$SQL_PORT" -u "$SQL_USER" --db "$1" \
    update-schema -d "$SCHEMAS/$2/versioned"
}
setup temporal temporal
setup temporal_visibility visibility
echo "Temporal schemas are up to date"
