package io.contractkit.mock.http;

import java.util.Locale;

/**
 * Picks the response media type as ASP.NET Web API does for these two APIs: {@code text/json} when
 * the client prefers it, {@code application/json} otherwise (never a 406).
 */
public final class ContentNegotiation {
  public static final String APPLICATION_JSON = "application/json; charset=utf-8";
  public static final String TEXT_JSON = "text/json; charset=utf-8";

  private ContentNegotiation() {}

  /**
   * The content type for an {@code Accept} header: {@code text/json} wins only when its quality is
   * higher than {@code application/json}'s, or equal and listed first.
   */
  public static String jsonContentType(String accept) {
    if (accept == null || accept.isBlank()) {
      return APPLICATION_JSON;
    }
    double applicationJson = -1;
    double textJson = -1;
    int applicationJsonPosition = Integer.MAX_VALUE;
    int textJsonPosition = Integer.MAX_VALUE;
    String[] ranges = accept.split(",");
    for (int position = 0; position < ranges.length; position++) {
      String[] parts = ranges[position].split(";");
      String range = parts[0].trim().toLowerCase(Locale.ROOT);
      double q = quality(parts);
      if (range.equals("text/json") && q > textJson) {
        textJson = q;
        textJsonPosition = Math.min(textJsonPosition, position);
      } else if (range.equals("application/json") && q > applicationJson) {
        applicationJson = q;
        applicationJsonPosition = Math.min(applicationJsonPosition, position);
      }
    }
    boolean preferText =
        textJson > 0
            && (textJson > applicationJson
                || (textJson == applicationJson && textJsonPosition < applicationJsonPosition));
    return preferText ? TEXT_JSON : APPLICATION_JSON;
  }

  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String param = parts[i].trim();
      if (param.length() > 2 && (param.startsWith("q=") || param.startsWith("Q="))) {
        try {
          double q = Double.parseDouble(param.substring(2).trim());
          return q >= 0 && q <= 1 ? q : 0;
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }
}
