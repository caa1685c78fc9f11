package dev.runbook.sandbox.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Mutable state of one colour of one service. Guarded by its {@link ServiceState}; never shared
 * outside it (callers get {@link SlotView} copies).
 */
final class Slot {

  final Colour colour;
  SlotRole role = SlotRole.EMPTY;
  String version;
  int weight;
  final List<Instance> instances = new ArrayList<>();

  Slot(Colour colour) {
    this.colour = colour;
  }

  /** Replaces whatever ran here with {@code next}. */
  void run(String nextVersion, List<Instance> next, SlotRole nextRole) {
    stop();
    version = nextVersion;
    instances.addAll(next);
    role = nextRole;
  }

  /** Stops every instance; role and version are the caller's business. */
  void stop() {
    instances.forEach(i -> i.server().close());
    instances.clear();
  }

  /** Puts {@code next} in the place of instance {@code next.index()} and stops the one it replaces. */
  void swap(Instance next) {
    Instance old = instances.set(next.index(), next);
    old.server().close();
    if (instances.stream().allMatch(i -> i.version().equals(next.version()))) {
      version = next.version();
    }
  }

  String url() {
    return instances.isEmpty() ? null : instances.get(0).server().url();
  }

  List<String> urls() {
    return instances.stream().map(i -> i.server().url()).toList();
  }

  SlotView view() {
    return new SlotView(colour, version, role, weight, url(), instances.stream().map(Instance::view).toList());
  }
}
