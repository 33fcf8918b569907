package io.contractkit.conformance.checks;

/** What a check is about; reports group and score by category. */
public enum Category {
  CONTACTS("Contacts API"),
  LMS("LMS lead contact API"),
  PROTOCOL("HTTP conventions (both APIs)"),
  ROBUSTNESS("Hostile input (both APIs)"),
  EXPLORATION("Stateful exploration (both APIs)");

  private final String title;

  Category(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
