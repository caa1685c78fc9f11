package dev.runbook.workflows.testing;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Wires the workflow types of {@link RunbookTest} into a time-skipping test server per test:
 * resolves {@link RunbookTestEnvironment} parameters (constructor or method) and closes what it
 * created after each test.
 */
public final class RunbookExtension implements ParameterResolver, AfterEachCallback {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RunbookExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RunbookTestEnvironment.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    RunbookTest types = context.getRequiredTestClass().getAnnotation(RunbookTest.class);
    if (types == null || types.value().length == 0) {
      throw new ExtensionConfigurationException("annotate the test class with @RunbookTest(SomeWorkflowImpl.class)");
    }
    RunbookTestEnvironment rt = new RunbookTestEnvironment(types.value());
    open(context).add(rt);
    return rt;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<RunbookTestEnvironment> open = open(context);
    open.forEach(RunbookTestEnvironment::close);
    open.clear();
  }

  /** Kept on the class level: a constructor parameter may be resolved before the method context exists. */
  @SuppressWarnings("unchecked")
  private static List<RunbookTestEnvironment> open(ExtensionContext context) {
    ExtensionContext classContext = context.getTestMethod().isPresent() ? context.getParent().orElseThrow() : context;
    return classContext.getStore(NS).getOrComputeIfAbsent("open", k -> new ArrayList<RunbookTestEnvironment>(), List.class);
  }
}
