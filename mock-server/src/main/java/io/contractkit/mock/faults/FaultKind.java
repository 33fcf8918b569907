package io.contractkit.mock.faults;

import java.util.Optional;

/** A broken answer that status, headers and body cannot describe. */
public enum FaultKind {
  /** The connection is reset (TCP RST): the client sees "connection reset by peer". */
  CONNECTION_RESET("connection-reset"),
  /** The connection is closed without an answer: the client sees the stream end. */
  EMPTY_RESPONSE("empty-response"),
  /** 200 with a JSON content type and a body cut off in the middle. */
  MALFORMED_JSON("malformed-json"),
  /** The status line and headers at once, the body in pieces spread over the rule's delay. */
  SLOW_BODY("slow-body");

  private final String wireName;

  FaultKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<FaultKind> fromWireName(String name) {
    for (FaultKind kind : values()) {
      if (kind.wireName.equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
