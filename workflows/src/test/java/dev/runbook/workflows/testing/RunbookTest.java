package dev.runbook.workflows.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class of one workflow type (or the few a test of their interplay needs): every test gets
 * a fresh {@link RunbookTestEnvironment} with those types and the fakes, through its constructor
 * or a test-method parameter, closed after the test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RunbookExtension.class)
public @interface RunbookTest {
  /** The workflow implementations the test worker registers. */
  Class<?>[] value();
}
