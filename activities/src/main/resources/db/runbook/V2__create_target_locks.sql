-- The target lock: which run changes which target (TargetPaths: env/<env>/db/<db>/service/<name>,
-- .../lesson/<id>, env/<env>/db/<db>, platform/<name>). One row per holder (the exact run), one row
-- per target it holds. Rows live only while a run holds them: release (or a dead holder's cleanup)
-- deletes the holder and its targets go with it. Never edit this file once applied; add V3__...

CREATE TABLE runbook.lock_holders (
    workflow_id         text        NOT NULL,
    run_id              text        NOT NULL,
    procedure           text,
    requested_by        text,
    -- a child run inherits what its parent chain holds
    parent_workflow_id  text,
    parent_run_id       text,
    -- whether an emergency deploy or a rollback may abort this run in its current phase
    preemptible         boolean     NOT NULL DEFAULT false,
    since               timestamptz NOT NULL,
    PRIMARY KEY (workflow_id, run_id)
);

-- Several rows per target are normal: a parent and the child it passed the target to.
CREATE TABLE runbook.target_locks (
    target       text NOT NULL,
    workflow_id  text NOT NULL,
    run_id       text NOT NULL,
    PRIMARY KEY (target, workflow_id, run_id),
    FOREIGN KEY (workflow_id, run_id) REFERENCES runbook.lock_holders (workflow_id, run_id) ON DELETE CASCADE
);
CREATE INDEX target_locks_holder_idx ON runbook.target_locks (workflow_id, run_id);
