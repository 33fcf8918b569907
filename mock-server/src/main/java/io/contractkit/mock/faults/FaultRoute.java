package io.contractkit.mock.faults;

import java.util.Optional;

/** Which answers a fault rule applies to: one operation, or {@code *} for all three. */
public enum FaultRoute {
  ANY("*"),
  CONTACTS("contacts"),
  LEAD_CONTACT("lead-contact"),
  SEND_AUTH_TOKEN("send-authtoken");

  private final String wireName;

  FaultRoute(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<FaultRoute> fromWireName(String name) {
    for (FaultRoute route : values()) {
      if (route.wireName.equals(name)) {
        return Optional.of(route);
      }
    }
    return Optional.empty();
  }

  /** Whether a rule for this route applies to a request of {@code route}. */
  boolean covers(FaultRoute route) {
    return this == ANY || this == route;
  }

  /** Whether the operation has a query parameter that {@code match.<field>} can compare. */
  boolean has(MatchField field) {
    return switch (this) {
      case ANY -> true;
      case CONTACTS -> field == MatchField.SECRET || field == MatchField.IP;
      case LEAD_CONTACT, SEND_AUTH_TOKEN -> field == MatchField.ACCESS_TOKEN;
    };
  }

  /** The query parameters a rule can match on. */
  enum MatchField {
    SECRET,
    IP,
    ACCESS_TOKEN
  }
}
