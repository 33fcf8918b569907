package io.contractkit.conformance.checks;

/**
 * Where the contract (docs/CONTRACT.md) marks a choice, strict expects its default (e.g. all-null
 * values for every failed LMS authorization, no extra properties) and lenient accepts any answer
 * that discloses nothing and is not a 5xx (extra properties become warnings).
 */
public enum Mode {
  STRICT,
  LENIENT
}
