package dev.runbook.activities.lessons;

import dev.runbook.activities.lessons.LessonCheck.StoreState;
import dev.runbook.lessons.SemanticVersion;
import dev.runbook.lessons.compatibility.ImpactForecast;
import dev.runbook.lessons.model.Lesson;
import dev.runbook.lessons.progress.UserProgress;
import dev.runbook.workflows.lessonupdate.LearnerImpact;
import dev.runbook.workflows.lessonupdate.LessonCandidate;
import dev.runbook.workflows.lessonupdate.LessonPolicy;
import dev.runbook.workflows.lessonupdate.LessonStoreActivities;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lesson store over JDBC, one database per environment ({@link LessonEnvironments}). Every
 * method runs in one transaction and is idempotent; progress documents are only ever read.
 */
public class LessonStoreActivitiesImpl implements LessonStoreActivities {
  private static final int COUNT_BATCH = 1_000;
  private static final Logger log = LoggerFactory.getLogger(LessonStoreActivitiesImpl.class);

  private final LessonEnvironments environments;

  public LessonStoreActivitiesImpl(LessonEnvironments environments) {
    this.environments = environments;
  }

  @Override
  public LessonPolicy resolveLessonPolicy(String lessonId, String environment) {
    return environments.policy(Inputs.text("lessonId", lessonId), environment);
  }

  @Override
  public LessonCandidate check(String environment, String lessonId, String lessonFile, String lessonYaml) {
    DataSource ds = environments.dataSource(environment);
    Lesson lesson = LessonCheck.validate(Inputs.text("lessonId", lessonId), Inputs.text("lessonFile", lessonFile),
        lessonYaml);
    StoreState store = Transactions.run(ds, "read lesson " + lessonId, c ->
        new StoreState(LessonStoreQueries.current(c, lessonId, false), LessonStoreQueries.versions(c, lessonId)));
    return LessonCheck.classify(lesson, lessonYaml, store);
  }

  @Override
  public LearnerImpact countLearners(String environment, String lessonId, String newVersion) {
    Inputs.text("lessonId", lessonId);
    SemanticVersion version = Inputs.version(newVersion);
    return Transactions.run(environments.dataSource(environment), "count learners of " + lessonId, c -> {
      Set<SemanticVersion> retired = withdrawn(c, lessonId);
      // batch by batch: the whole progress table never sits in memory
      ImpactForecast[] total = {ImpactForecast.of(lessonId, version, retired, List.of())};
      LearnerProgress.inBatches(c, COUNT_BATCH, batch ->
          total[0] = total[0].plus(ImpactForecast.of(lessonId, version, retired, batch)));
      return LearnerImpacts.of(total[0]);
    });
  }

  @Override
  public void archive(String environment, String lessonId, String version, String workflowId) {
    Transactions.run(environments.dataSource(environment), "archive " + lessonId + " " + version, c -> {
      StoredVersion stored = VersionLookups.stored(c, lessonId, version);
      LessonStoreQueries.archive(c, lessonId, stored.version());
      log.info("{}: archived {} {}", workflowId, lessonId, stored.version());
      return null;
    });
  }

  @Override
  public void store(String environment, LessonCandidate candidate, String lessonYaml, String workflowId) {
    Inputs.matches(candidate, lessonYaml);
    SemanticVersion v = Inputs.version(candidate.version());
    String lessonId = candidate.lessonId();
    Transactions.run(environments.dataSource(environment), "store " + lessonId + " " + v, c -> {
      boolean inserted = LessonStoreQueries.insertVersion(c, lessonId, v, candidate.title(), lessonYaml,
          candidate.checksum(), candidate.change().name(), workflowId);
      StoredVersion stored = VersionLookups.stored(c, lessonId, v.toString());
      if (!stored.checksum().equals(candidate.checksum())) {
        throw LessonFailures.refuse(VERSION_REFUSED, "version " + v + " of lesson " + lessonId
            + " is already stored with other content (stored by " + stored.storedBy() + "); a stored version never"
            + " changes");
      }
      if (stored.withdrawn()) {
        throw LessonFailures.refuse(VERSION_REFUSED, "version " + v + " of lesson " + lessonId + " was withdrawn ("
            + stored.withdrawnReason() + ") and is never served again");
      }
      log.info("{}: {} {} {}", workflowId, inserted ? "stored" : "already stored", lessonId, v);
      return null;
    });
  }

  @Override
  public String makeCurrent(String environment, String lessonId, String version, String workflowId) {
    return Transactions.run(environments.dataSource(environment), "make " + lessonId + " " + version + " current", c -> {
      Optional<CurrentLesson> current = LessonStoreQueries.current(c, lessonId, true);
      StoredVersion stored = VersionLookups.servable(c, lessonId, version);
      if (current.isPresent() && current.get().currentVersion().equals(stored.version())) {
        return current.get().previousVersion(); // a retry: answer what the first call answered
      }
      String previous = current.map(CurrentLesson::currentVersion).orElse(null);
      LessonStoreQueries.upsertCurrent(c, lessonId, stored.version(), previous, workflowId);
      log.info("{}: {} now serves {} (was {})", workflowId, lessonId, stored.version(), previous);
      return previous;
    });
  }

  @Override
  public void setFlag(String environment, String flag, String lessonId, String version, int percentage,
      String workflowId) {
    Inputs.text("flag", flag);
    Inputs.percentage(percentage);
    Transactions.run(environments.dataSource(environment), "set flag " + flag + " to " + percentage + "%", c -> {
      Optional<String> owner = LessonStoreQueries.flagLesson(c, flag);
      if (owner.isPresent() && !owner.get().equals(lessonId)) {
        throw LessonFailures.refuse(LessonFailures.INVALID_INPUT, "flag '" + flag + "' serves lesson " + owner.get()
            + ", not " + lessonId);
      }
      StoredVersion stored = VersionLookups.stored(c, lessonId, version);
      if (stored.withdrawn() && percentage == 0) {
        return null; // withdrawing removed the flag already; nobody is served a withdrawn version
      }
      if (stored.withdrawn()) {
        throw LessonFailures.refuse(VERSION_REFUSED, "version " + stored.version() + " of lesson " + lessonId
            + " was withdrawn (" + stored.withdrawnReason() + ") and cannot be served");
      }
      LessonStoreQueries.upsertFlag(c, flag, lessonId, stored.version(), percentage, workflowId);
      return null;
    });
  }

  @Override
  public void removeFlag(String environment, String flag) {
    Inputs.text("flag", flag);
    Transactions.run(environments.dataSource(environment), "remove flag " + flag, c -> {
      LessonStoreQueries.deleteFlag(c, flag);
      return null;
    });
  }

  @Override
  public int withdraw(String environment, String lessonId, String version, String reason, String workflowId) {
    SemanticVersion v = Inputs.version(version);
    return Transactions.run(environments.dataSource(environment), "withdraw " + lessonId + " " + v, c -> {
      Optional<CurrentLesson> current = LessonStoreQueries.current(c, lessonId, true);
      Optional<StoredVersion> stored = LessonStoreQueries.version(c, lessonId, v.toString());
      if (stored.isEmpty()) {
        // A compensation registered before store ran: nothing was stored, so nothing is served.
        log.info("{}: {} {} was never stored; nothing to withdraw", workflowId, lessonId, v);
        return 0;
      }
      String number = stored.get().version();
      if (current.isPresent() && current.get().currentVersion().equals(number)) {
        if (current.get().previousVersion() != null) {
          throw LessonFailures.refuse(LessonFailures.WITHDRAW_REFUSED, "version " + number + " of lesson " + lessonId
              + " is what learners get now; make another version current first (previous: "
              + current.get().previousVersion() + ")");
        }
        LessonStoreQueries.deleteCurrent(c, lessonId); // a first release: unpublish the lesson
      }
      LessonStoreQueries.withdraw(c, lessonId, number, reason == null ? "withdrawn by " + workflowId : reason);
      LessonStoreQueries.deleteFlagsOf(c, lessonId, number);
      int retracted = LessonStoreQueries.deleteNoticesOf(c, lessonId, number);
      int restarting = LearnerProgress.inProgressOn(LearnerProgress.mentioning(c, lessonId), lessonId, v);
      log.info("{}: withdrew {} {}; {} notice(s) retracted; {} learner(s) in progress on it restart on the current"
          + " version", workflowId, lessonId, number, retracted, restarting);
      return restarting;
    });
  }

  @Override
  public Map<String, Integer> notifyLearners(String environment, String lessonId, String newVersion, String workflowId) {
    return Transactions.run(environments.dataSource(environment), "notify learners of " + lessonId, c -> {
      StoredVersion stored = VersionLookups.servable(c, lessonId, newVersion);
      Lesson lesson = VersionLookups.lesson(stored);
      List<UserProgress> learners = LearnerProgress.mentioning(c, lessonId);
      List<NoticePlan.Planned> planned = NoticePlan.plan(lesson, withdrawn(c, lessonId), learners);
      LearnerNoticesTable.insert(c, lessonId, stored.version(), planned, workflowId);
      return new TreeMap<>(planned.stream().collect(
          Collectors.groupingBy(p -> p.notice().name(), Collectors.summingInt(p -> 1))));
    });
  }

  private static Set<SemanticVersion> withdrawn(Connection c, String lessonId) throws SQLException {
    return LessonStoreQueries.versions(c, lessonId).stream().filter(StoredVersion::withdrawn)
        .map(StoredVersion::semantic).collect(Collectors.toSet());
  }
}
