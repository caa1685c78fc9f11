-- The progress migration's batch ledger (issue 8). One row per batch a run applied, written in the
-- same transaction as the batch's documents: a batch is either applied with its row or not at all,
-- and a retry (a worker crash, a second attempt racing a first that still runs) that finds the
-- row skips the batch, so no batch is ever applied twice. It lives beside user_progress on
-- purpose: a restore of this schema rewinds the ledger together with the documents it describes.
create table progress_migration_batches (
  run_key          text        not null,           -- workflow id / run id
  batch_no         integer     not null,           -- 1, 2, ... in user_id order
  first_user_id    text        not null,
  last_user_id     text        not null,           -- the keyset cursor of the next batch
  migrated         integer     not null default 0,
  already_current  integer     not null default 0,
  lost_races       integer     not null default 0, -- compare-and-set losses to learners, redone
  applied_at       timestamptz not null default now(),
  primary key (run_key, batch_no)
);
