package io.contractkit.mock.faults;

import io.contractkit.mock.contacts.IpAddresses;
import io.contractkit.mock.http.ApiProblem;
import io.contractkit.mock.http.QueryParameters;

/**
 * The query values a rule can match on, read as the handlers read them (names case-insensitive, the
 * ip normalized). A value the handler would refuse (given twice, empty, too long, not an ip) is
 * absent here, so a rule that names it does not apply and the handler answers 400 as usual.
 */
record RequestValues(String secret, String ip, String accessToken) {
  private static final RequestValues NONE = new RequestValues(null, null, null);

  static RequestValues of(String rawQuery) {
    QueryParameters query;
    try {
      query = QueryParameters.parse(rawQuery);
    } catch (ApiProblem unreadable) {
      return NONE;
    }
    String ip = value(query, "ip");
    return new RequestValues(
        value(query, "secret"),
        ip == null ? null : IpAddresses.normalize(ip).orElse(null),
        value(query, "accessToken"));
  }

  private static String value(QueryParameters query, String name) {
    try {
      return query.optional(name).orElse(null);
    } catch (ApiProblem refused) {
      return null;
    }
  }

  boolean match(FaultRule.Match match) {
    return (match.secret() == null || match.secret().equals(secret))
        && (match.ip() == null || match.ip().equals(ip))
        && (match.accessToken() == null || match.accessToken().equals(accessToken));
  }
}
