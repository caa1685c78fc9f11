-- Archived deployment logs of releases (seed 004 post-deployment: "archive deployment logs"), one
-- row per release run and environment; `runbook release log <id>` prints them. Never edit once applied.
CREATE TABLE runbook.release_logs (
    workflow_id   text        NOT NULL,
    environment   text        NOT NULL,
    run_id        text        NOT NULL,
    service       text        NOT NULL,
    version       text        NOT NULL,
    requested_by  text,
    summary       text,
    lines         jsonb       NOT NULL,
    archived_at   timestamptz NOT NULL,
    PRIMARY KEY (workflow_id, environment)
);
