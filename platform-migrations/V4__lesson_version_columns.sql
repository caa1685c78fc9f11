-- Platform schema 1.1 (schema-versions.properties): seed 001's "Add version tracking to
-- user_lesson_progress" (lesson_version, schema_version, migrated_at, idx_lesson_version), adapted
-- to the platform's real tables. There is no user_lesson_progress row per lesson here: user_progress
-- holds ONE jsonb document per learner, with each lesson's version inside it
-- (document->'lessons'->'<id>'->>'version') and the document's own schema_version at its top.
-- * schema_version: a stored column generated from the document, so it can never disagree with it,
--   and every writer (the sandbox's learners, the progress migration) keeps it right unchanged.
-- * migrated_at: when the document was last moved to a newer schema by a migration (null: never;
--   nothing writes it before 1.1), as in the seed.
-- * lesson_version + idx_lesson_version: the seed indexes (lesson_id, lesson_version) to find who is
--   on which version of a lesson; here a GIN index over the lessons map answers the same question
--   as containment, document->'lessons' @> '{"<lesson>": {"version": "<v>"}}'. The view
--   user_lesson_progress gives the seed's row-per-lesson shape to readers that want it.
-- Adding a stored generated column rewrites the table under an ACCESS EXCLUSIVE lock: this is the
-- migration the schema-migration runbook runs inside maintenance mode, behind a bounded lock_timeout.
alter table user_progress
  add column schema_version text generated always as (document->>'schema_version') stored,
  add column migrated_at timestamptz;

create index idx_user_progress_schema_version on user_progress (schema_version);
create index idx_lesson_version on user_progress using gin ((document->'lessons') jsonb_path_ops);

create view user_lesson_progress as
  select p.user_id, l.key as lesson_id, l.value->>'version' as lesson_version, p.schema_version,
         p.migrated_at, l.value->>'status' as status
    from user_progress p, jsonb_each(p.document->'lessons') l;
