package io.contractkit.mock.lms;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How an authToken reaches the lead: by email or by SMS. */
public enum Channel {
  EMAIL,
  SMS;

  /** As the API and the admin API write it: {@code email}, {@code sms}. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The channel of {@code email} or {@code sms} in any case of their ASCII letters; {@code
   * equalsIgnoreCase} alone would also take look-alikes such as {@code \u017Fms} (long s).
   */
  public static Optional<Channel> fromWireName(String name) {
    boolean ascii = name.chars().allMatch(c -> c < 0x80);
    return Arrays.stream(values())
        .filter(c -> ascii && c.wireName().equalsIgnoreCase(name))
        .findFirst();
  }
}
