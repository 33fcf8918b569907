package io.contractkit.mock.http;

import io.contractkit.mock.contacts.IpAddress;
import io.contractkit.mock.contacts.IpAddresses;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names a request may address the mock by, read from its {@code Host} header: the defence
 * against DNS rebinding. A page on a name its author controls can make that name resolve to
 * 127.0.0.1; the browser then treats the mock as part of that page's own site, so neither CORS nor
 * an {@code Origin} check stops it. Only the {@code Host} header still shows the name.
 *
 * <p>Always answered: {@code localhost}, {@code *.localhost}, loopback addresses ({@code
 * 127.0.0.0/8}, {@code [::1]}), and a request without a {@code Host} (HTTP/1.0; browsers always
 * send one). On a loopback bind, other names and addresses only when allowed ({@code
 * --allowed-host}: a name, an address, {@code .example.test} for a domain and every name below it,
 * or {@code *} for any). On a non-loopback bind every address is answered (no name, no rebinding),
 * and every name unless {@code --allowed-host} lists the allowed ones.
 */
public final class AllowedHosts {
  private static final Pattern NAME =
      Pattern.compile(
          "[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*");

  private final boolean any;
  private final boolean loopbackBind;
  private final boolean namesRestricted;
  private final Set<String> hosts;
  private final List<String> domains;

  private AllowedHosts(
      boolean any,
      boolean loopbackBind,
      boolean namesRestricted,
      Set<String> hosts,
      List<String> domains) {
    this.any = any;
    this.loopbackBind = loopbackBind;
    this.namesRestricted = namesRestricted;
    this.hosts = hosts;
    this.domains = domains;
  }

  /**
   * @param entries the {@code --allowed-host} values
   * @param loopbackBind whether the mock listens on a loopback address only
   * @throws IllegalArgumentException naming an entry that is none of the allowed forms
   */
  public static AllowedHosts of(List<String> entries, boolean loopbackBind) {
    boolean any = false;
    Set<String> hosts = new HashSet<>();
    List<String> domains = new ArrayList<>();
    for (String entry : entries) {
      String text = withoutTrailingDot(entry.trim().toLowerCase(Locale.ROOT));
      if (text.equals("*")) {
        any = true;
        continue;
      }
      Optional<IpAddress> ip = ipLiteral(text);
      if (ip.isPresent()) {
        hosts.add(ip.get().toString());
      } else if (text.startsWith(".") && NAME.matcher(text.substring(1)).matches()) {
        domains.add(text);
      } else if (NAME.matcher(text).matches()) {
        hosts.add(text);
      } else {
        throw new IllegalArgumentException(
            "allowed host '"
                + entry
                + "' is not a host name, an IP address, .domain (that domain and every name below"
                + " it) or * (any); write it without scheme or port, like mock.example.test");
      }
    }
    return new AllowedHosts(any, loopbackBind, loopbackBind || !entries.isEmpty(), hosts, domains);
  }

  /** A before-filter: lets a request through, or answers 421 problem+json. */
  public void check(Context ctx) {
    if (!allows(ctx.header("Host"))) {
      // The Host is not echoed: what a client sent stays out of error answers.
      throw ApiProblem.misdirected(
          "This mock answers requests addressed to localhost or a loopback address, and to the"
              + " hosts allowed with --allowed-host; the Host header of this request names"
              + " another host.");
    }
  }

  /** Whether a request with this {@code Host} header (null when absent) is answered. */
  public boolean allows(String hostHeader) {
    if (hostHeader == null || hostHeader.isEmpty() || any) {
      return true;
    }
    String host;
    if (hostHeader.charAt(0) == '[') {
      int close = hostHeader.indexOf(']');
      host = close < 0 ? "" : hostHeader.substring(1, close);
    } else {
      int colon = hostHeader.indexOf(':');
      host = colon < 0 ? hostHeader : hostHeader.substring(0, colon);
    }
    Optional<IpAddress> ip = IpAddresses.parse(host);
    if (ip.isPresent()) {
      return ip.get().isLoopback() || !loopbackBind || hosts.contains(ip.get().toString());
    }
    return allowsName(withoutTrailingDot(host.toLowerCase(Locale.ROOT)));
  }

  private boolean allowsName(String name) {
    if (name.equals("localhost") || name.endsWith(".localhost") || !namesRestricted) {
      return true;
    }
    if (hosts.contains(name)) {
      return true;
    }
    for (String domain : domains) {
      if (name.endsWith(domain) || name.equals(domain.substring(1))) {
        return true;
      }
    }
    return false;
  }

  /** An IPv4 or IPv6 literal, the latter with or without brackets. */
  private static Optional<IpAddress> ipLiteral(String text) {
    boolean bracketed = text.startsWith("[") && text.endsWith("]");
    return IpAddresses.parse(bracketed ? text.substring(1, text.length() - 1) : text);
  }

  private static String withoutTrailingDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }
}
