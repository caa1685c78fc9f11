-- Runs once, when the Postgres data volume is first initialised (/docker-entrypoint-initdb.d), as
-- the superuser `temporal` that docker-compose.yml creates together with its database `temporal`
-- (POSTGRES_DB). Creating the visibility database here keeps the schema job re-runnable: it only
-- sets up and updates schemas, which is idempotent.
CREATE DATABASE temporal_visibility;

-- The runbook worker's own database (schema `runbook`: release registry, approvals audit; schema
-- `platform`: the lesson store the sandbox's learners read). Both migrated by the worker's Flyway.
CREATE USER runbook WITH PASSWORD 'runbook';
CREATE DATABASE runbook OWNER runbook;
