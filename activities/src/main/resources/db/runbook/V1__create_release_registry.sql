-- The runbook's own release registry: what ran, who approved what, which release runs where,
-- incident reports and the notifications sent. Every write from the activities is an upsert, so
-- a retried activity never duplicates a row. Never edit this file once applied; add V2__...

CREATE TABLE runbook.runs (
    workflow_id     text        NOT NULL,
    run_id          text        NOT NULL,
    procedure       text,
    service         text,
    environment     text,
    version         text,
    requested_by    text,
    request_id      text,
    reason          text,
    started_at      timestamptz,
    finished_at     timestamptz,
    outcome         text,
    outcome_reason  text,
    live_version    text,
    PRIMARY KEY (workflow_id, run_id)
);
CREATE INDEX runs_started_at_idx ON runbook.runs (started_at DESC);
CREATE INDEX runs_service_environment_idx ON runbook.runs (service, environment, started_at DESC);

-- Audit trail of approver actions, accepted and rejected alike.
CREATE TABLE runbook.approvals (
    id           bigserial   PRIMARY KEY,
    workflow_id  text        NOT NULL,
    run_id       text        NOT NULL,
    action       text        NOT NULL,
    approver     text,
    step         integer,
    accepted     boolean     NOT NULL,
    reason       text,
    at           timestamptz NOT NULL
);
-- One row per action even when the activity is retried; step and approver may be null.
CREATE UNIQUE INDEX approvals_dedup_idx ON runbook.approvals
    (workflow_id, run_id, action, (coalesce(approver, '')), (coalesce(step, -1)), at);

CREATE TABLE runbook.release_slots (
    service      text        NOT NULL,
    environment  text        NOT NULL,
    colour       text        NOT NULL,
    version      text,
    role         text        NOT NULL,
    weight       integer     NOT NULL CHECK (weight BETWEEN 0 AND 100),
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (service, environment, colour)
);

CREATE TABLE runbook.incident_reports (
    id            text        PRIMARY KEY,
    workflow_id   text        NOT NULL,
    run_id        text        NOT NULL,
    service       text,
    environment   text,
    from_version  text,
    to_version    text,
    trigger       text,
    reason        text,
    body          jsonb       NOT NULL,
    created_at    timestamptz NOT NULL,
    UNIQUE (workflow_id, run_id)
);

-- dedup_key is set when a notification is sent from an activity (workflow, run, activity, content),
-- so a retried activity does not store it twice.
CREATE TABLE runbook.notifications (
    id           bigserial   PRIMARY KEY,
    severity     text        NOT NULL,
    title        text        NOT NULL,
    body         text,
    service      text,
    environment  text,
    workflow_id  text,
    at           timestamptz NOT NULL,
    dedup_key    text        UNIQUE
);
CREATE INDEX notifications_at_idx ON runbook.notifications (at DESC);
