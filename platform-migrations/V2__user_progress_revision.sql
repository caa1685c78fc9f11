-- Learner writes become compare-and-set (issue 8). Every write of a progress document bumps its
-- revision and only lands if the row still has the revision the writer read; a writer that lost
-- re-reads and tries again. So two writers of one document (two sessions, or a session and the
-- progress migration) can never overwrite each other's XP, as a whole-document upsert could.
alter table user_progress add column revision bigint not null default 0;
