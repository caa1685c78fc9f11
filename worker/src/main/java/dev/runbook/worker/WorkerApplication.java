package dev.runbook.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The runbook worker: a thin Spring Boot assembly that connects to Temporal, migrates the
 * runbook's own schema, and runs the workflows and activities on the configured task queue.
 * Workers start on ApplicationReadyEvent (temporal-spring-boot-starter).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkerApplication {
  public static void main(String[] args) {
    SpringApplication.run(WorkerApplication.class, args);
  }
}
