-- The learning platform's lesson store (Flyway location classpath:db/platform, schema "platform").
-- The runbook publishes lessons here (content is data: no code deploy); the platform (locally the
-- sandbox) serves them to learners and writes their progress. The runbook only reads progress.

-- Every version ever stored. Versions are immutable: a withdrawn number is never reused.
create table lesson_versions (
  lesson_id         text        not null,
  version           text        not null,           -- semantic version, "2.0.0"
  major             integer     not null,
  minor             integer     not null,
  patch             integer     not null,
  title             text        not null,
  content_yaml      text        not null,
  checksum          text        not null,           -- SHA-256 hex of content_yaml
  change_kind       text        not null,           -- FIRST_RELEASE, PATCH, MINOR, MAJOR
  stored_at         timestamptz not null default now(),
  stored_by         text        not null,           -- workflow id
  archived_at       timestamptz,                    -- copied to the archive; still served to learners who started it
  withdrawn_at      timestamptz,                    -- rolled back: never served again
  withdrawn_reason  text,
  primary key (lesson_id, version)
);

-- What new learners get, per lesson.
create table lessons (
  lesson_id         text        primary key,
  current_version   text        not null,
  previous_version  text,
  updated_at        timestamptz not null default now(),
  updated_by        text        not null,
  foreign key (lesson_id, current_version) references lesson_versions (lesson_id, version)
);

-- A major version served to a share of the learners who have not started the lesson.
create table feature_flags (
  name              text        primary key,        -- lesson_v2_stock_basics_001
  lesson_id         text        not null,
  version           text        not null,
  percentage        integer     not null check (percentage between 0 and 100),
  updated_at        timestamptz not null default now(),
  updated_by        text        not null,
  foreign key (lesson_id, version) references lesson_versions (lesson_id, version)
);

-- Learners' progress documents (seed 001 "User Progress Schema", schema_version 1.0), one per user.
create table user_progress (
  user_id           text        primary key,
  document          jsonb       not null,
  updated_at        timestamptz not null default now()
);

-- What learners are told about an update (seed 001 communication plan), once per learner and version.
create table learner_notices (
  user_id           text        not null,
  lesson_id         text        not null,
  version           text        not null,
  notice            text        not null,           -- UPDATED_BADGE, CHANGELOG_MESSAGE, CHOICE_PROMPT, RESTART_NOTICE
  message           text        not null,
  created_at        timestamptz not null default now(),
  created_by        text        not null,
  primary key (user_id, lesson_id, version)
);
