package io.contractkit.mock.lms;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How an authToken reaches the lead: by email or by SMS. */
public enum Channel {
  EMAIL,
  SMS;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Channel> fromWireName(String name) {
    return Arrays.stream(values()).filter(c -> c.wireName().equalsIgnoreCase(name)).findFirst();
  }
}
