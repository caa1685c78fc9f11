-- Reports of the scheduled operations (daily health check, weekly security review, monthly DR
-- test): one row per run, its checks as JSON and as Markdown, so the CLI prints a report and
-- trends the DR test's recovery times without Temporal keeping the run. Version 3.10, not 4: it
-- was added beside other branches' migrations and must not collide with their next number.

CREATE TABLE runbook.operation_reports (
    workflow_id   text        NOT NULL,
    run_id        text        NOT NULL,
    operation     text        NOT NULL,
    environment   text,
    requested_by  text,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz NOT NULL,
    passed        boolean     NOT NULL,
    checks        integer     NOT NULL,
    failures      integer     NOT NULL,
    body          jsonb       NOT NULL,
    markdown      text        NOT NULL,
    PRIMARY KEY (workflow_id, run_id)
);
CREATE INDEX operation_reports_recent_idx ON runbook.operation_reports (operation, finished_at DESC);
