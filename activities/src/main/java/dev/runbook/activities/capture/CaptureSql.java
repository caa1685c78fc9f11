package dev.runbook.activities.capture;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The capture's SQL. The ledger and the function live in {@value #SCHEMA}, never in a schema the
 * target owns; only the trigger sits on the owned table (a trigger's schema is its table's). So the
 * dependency points from the owned schema to {@value #SCHEMA}: the restore's guard (nothing outside
 * the owned schemas may depend on them) lets it pass, DROP SCHEMA CASCADE of the owned schema takes
 * the trigger with the table and leaves the ledger, and a snapshot taken after the trigger carries
 * the trigger back, so the capture outlives the restore too. A row trigger fires once per
 * committed row write, so the ledger holds each write exactly once without a key of the writer's
 * (revisions repeat after a restore: they cannot be the key).
 */
final class CaptureSql {
  static final String SCHEMA = "runbook_capture";
  /** Set locally by the re-apply: its own writes are not learner writes to capture again. */
  static final String OFF_SETTING = "runbook.capture";

  private CaptureSql() {}

  static String setup() {
    return "create schema if not exists " + SCHEMA + ";"
        + " create table if not exists " + SCHEMA + ".learner_writes ("
        + " run_key text not null, seq bigserial, user_id text not null, revision bigint not null,"
        + " document jsonb not null, written_at timestamptz not null default clock_timestamp(),"
        + " primary key (run_key, seq));"
        + " create or replace function " + SCHEMA + ".capture_learner_write() returns trigger language plpgsql as $f$"
        + " begin"
        + "   if coalesce(current_setting('" + OFF_SETTING + "', true), '') <> 'off' then"
        + "     insert into " + SCHEMA + ".learner_writes (run_key, user_id, revision, document)"
        + "     values (TG_ARGV[0], NEW.user_id, NEW.revision, NEW.document);"
        + "   end if;"
        + "   return NEW;"
        + " end $f$";
  }

  /** The run's trigger: a name of its own, so two runs (a retry, a later run) never share one. */
  static String triggerName(String runKey) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(runKey.getBytes(StandardCharsets.UTF_8));
      return "runbook_capture_" + HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String createTrigger(String schema, String trigger, String runKey) {
    return "create trigger " + trigger + " after insert or update of document on " + schema + ".user_progress"
        + " for each row execute function " + SCHEMA + ".capture_learner_write('" + runKey.replace("'", "''") + "')";
  }

  static String xp(String doc) {
    return "coalesce((" + doc + "->'gamification'->>'total_xp')::numeric, 0)::bigint";
  }

  static String completions(String doc) {
    return "array(select jsonb_object_keys(case when jsonb_typeof(" + doc + "->'completions') = 'object'"
        + " then " + doc + "->'completions' else '{}'::jsonb end))";
  }
}
