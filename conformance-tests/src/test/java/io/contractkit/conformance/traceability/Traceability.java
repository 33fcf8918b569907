package io.contractkit.conformance.traceability;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the code cannot say for itself about the statements of docs/CONTRACT.md: those that no check
 * can fail on, and why. Every other statement is covered by the checks that name it ({@code
 * CheckInfo.covering}) and proved by the planted defects that name it ({@code KnownDefect}).
 * TraceabilityTest holds the two together and renders the table in CHECKS.md from them.
 */
final class Traceability {
  private Traceability() {}

  /**
   * Statements where the contract accepts every behaviour an implementation could choose: no check
   * fails on them, so no defect can be planted; the valid variants that name them must pass.
   */
  static final Map<String, String> ACCEPTED = new LinkedHashMap<>();

  /** Statements no request can check from outside, with the reason. */
  static final Map<String, String> NOT_CHECKABLE = new LinkedHashMap<>();

  /**
   * Parts of statements that the checks naming them do not test yet. Shown in the table; the
   * statement itself must still have a check and a planted defect.
   */
  static final Map<String, String> NOT_YET = new LinkedHashMap<>();

  static {
    ACCEPTED.put(
        "G13",
        "Any precision and offset is valid; the checks compare date-times by instant, and the"
            + " valid variants with other digits and offsets must pass.");
    ACCEPTED.put(
        "G17",
        "Any error body without contact data is valid; contact data in it is G18's, and the"
            + " valid variant with ASP.NET-style bodies must pass.");
    ACCEPTED.put(
        "L9",
        "Any property of a released contact but accessToken may be null; the schema allows it,"
            + " and the mock's fixtures (a lead without company) pass in every run.");
    ACCEPTED.put(
        "C12",
        "The properties not marked Required may be null; the schema allows it, and the mock's"
            + " fixtures (contacts without company) pass in every run.");

    NOT_CHECKABLE.put(
        "L5",
        "Which values of source an implementation accepts is its own: the suite sends the"
            + " profile's lms.source and cannot tell a refused value from a defect.");
    for (int m = 1; m <= 10; m++) {
      NOT_CHECKABLE.put(
          "M" + m, "A mock extension, not part of the contract: the mock's own tests check it.");
    }
  }
}
