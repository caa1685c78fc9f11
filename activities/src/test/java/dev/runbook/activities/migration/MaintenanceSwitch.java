package dev.runbook.activities.migration;

import dev.runbook.workflows.contract.MaintenanceActivities;
import dev.runbook.workflows.contract.MaintenanceRequest;
import dev.runbook.workflows.contract.MaintenanceStatus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The platform's maintenance switch (its HTTP side is SandboxMaintenanceActivitiesTest's): on or off, in order. */
final class MaintenanceSwitch implements MaintenanceActivities {
  final List<String> changes = new CopyOnWriteArrayList<>();
  volatile boolean on;

  @Override
  public MaintenanceStatus enableMaintenance(MaintenanceRequest request) {
    on = true;
    changes.add("on");
    return new MaintenanceStatus(true, request.message(), System.currentTimeMillis(), 60);
  }

  @Override
  public MaintenanceStatus disableMaintenance(String environment) {
    on = false;
    changes.add("off");
    return new MaintenanceStatus(false, null, null, null);
  }
}
