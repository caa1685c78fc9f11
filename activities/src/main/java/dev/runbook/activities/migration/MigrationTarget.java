package dev.runbook.activities.migration;

import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * An environment's target database for schema migrations: where it is, the schema the target
 * owns (its Flyway history table lives there) and the folder of its versioned SQL migrations.
 */
public record MigrationTarget(DataSource dataSource, String schema, Path migrations) {}
