package dev.runbook.activities.migration;

import dev.runbook.workflows.api.IncidentJoin;
import dev.runbook.workflows.api.IncidentRequest;
import dev.runbook.workflows.api.IncidentState;
import dev.runbook.workflows.contract.LockGrant;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The runbook's own bookkeeping (registry, notifications, locks, incidents) for a workflow run on a
 * test server against a real target database: every call is kept by name, locks are granted, and
 * incidents answered as opened. What is under test is the database work, not the bookkeeping.
 */
final class Bookkeeping {
  final List<String> calls = new CopyOnWriteArrayList<>();
  final List<IncidentRequest> incidents = new CopyOnWriteArrayList<>();

  <T> T of(Class<T> type) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return method.getName().equals("toString") ? type.getSimpleName() : method.invoke(this, args);
      }
      calls.add(method.getName());
      Class<?> returns = method.getReturnType();
      if (returns == LockGrant.class) {
        return LockGrant.grant();
      }
      if (returns == IncidentJoin.class) {
        IncidentRequest request = (IncidentRequest) args[0];
        incidents.add(request);
        return new IncidentJoin("incident:" + request.service() + ":" + request.environment(), false,
            IncidentState.OPEN, request.severity());
      }
      if (returns == boolean.class) {
        return false;
      }
      if (returns == int.class || returns == long.class) {
        return 0;
      }
      return null;
    }));
  }
}
