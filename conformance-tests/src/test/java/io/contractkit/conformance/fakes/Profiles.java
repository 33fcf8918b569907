package io.contractkit.conformance.fakes;

import io.contractkit.conformance.checks.Mode;
import io.contractkit.conformance.profile.Profile;

/** Edits of a profile that several tests make. */
public final class Profiles {
  private Profiles() {}

  /** The same profile in the given mode. */
  public static Profile withMode(Profile p, Mode mode) {
    return new Profile(p.name(), mode, p.http(), p.contacts(), p.lms());
  }

  /** The same profile in lenient mode. */
  public static Profile lenient(Profile p) {
    return withMode(p, Mode.LENIENT);
  }
}
