package io.contractkit.mock.junit;

import java.util.ArrayList;
import java.util.List;

/** The command-line flags a {@link ContractKitMock} stands for. */
final class AnnotationFlags {
  private AnnotationFlags() {}

  static List<String> of(ContractKitMock options) {
    List<String> flags = new ArrayList<>();
    addIfSet(flags, "--config", options.config());
    flags.add("--port");
    flags.add(String.valueOf(options.port()));
    addIfSet(flags, "--fixtures", options.fixtures());
    if (options.throttleMaxFailures() != 0) {
      flags.add("--throttle-max-failures");
      flags.add(String.valueOf(options.throttleMaxFailures()));
    }
    addIfSet(flags, "--throttle-window", options.throttleWindow());
    addIfSet(flags, "--throttle-block", options.throttleBlock());
    addIfSet(flags, "--token-ttl", options.tokenTtl());
    addIfSet(flags, "--admin-token", options.adminToken());
    flags.add(options.requestLog() ? "--request-log" : "--no-request-log");
    flags.addAll(List.of(options.args()));
    return flags;
  }

  private static void addIfSet(List<String> flags, String flag, String value) {
    if (!value.isEmpty()) {
      flags.add(flag);
      flags.add(value);
    }
  }
}
