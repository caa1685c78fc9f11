package dev.runbook.worker;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one worker these module's Spring tests run against: every class carrying this annotation
 * gets the same context from Spring's test context cache, so the worker (Temporal test server,
 * Flyway, web server) starts once per test JVM instead of once per class. Its peers are
 * {@link SharedPeers}. A test class must not put its own {@code @TestConfiguration},
 * {@code @DynamicPropertySource} or {@code @MockitoBean} on top (that is another context); give
 * its runs an environment and services of their own instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@ActiveProfiles({"itest", "watchslots"})
@Import(SharedPeers.class)
@interface WorkerContextTest {}
