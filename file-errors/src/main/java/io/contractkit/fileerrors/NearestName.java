package io.contractkit.fileerrors;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The valid name a misspelled one was most likely meant to be: the one at the smallest edit
 * distance (insertions, deletions, substitutions and swaps of two neighbours, ignoring case), if it
 * is close enough to be a typo: at most a third of the typed name's length, and at least 1.
 */
public final class NearestName {
  private NearestName() {}

  /** The nearest of {@code names} to {@code typed}; the first one listed on a tie. */
  public static Optional<String> among(String typed, Collection<String> names) {
    String lower = typed.toLowerCase(Locale.ROOT);
    String nearest = null;
    int nearestDistance = Integer.MAX_VALUE;
    for (String name : names) {
      int distance = distance(lower, name.toLowerCase(Locale.ROOT));
      if (distance < nearestDistance) {
        nearest = name;
        nearestDistance = distance;
      }
    }
    return nearestDistance <= Math.max(1, typed.length() / 3)
        ? Optional.of(nearest)
        : Optional.empty();
  }

  /**
   * The optimal string alignment distance (Damerau-Levenshtein where no part is edited twice): the
   * fewest insertions, deletions, substitutions and swaps of two neighbouring characters that turn
   * {@code a} into {@code b}.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int substitution = d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        int best = Math.min(substitution, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, d[i - 2][j - 2] + 1);
        }
        d[i][j] = best;
      }
    }
    return d[a.length()][b.length()];
  }
}
