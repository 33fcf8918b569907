package io.contractkit.mock.support;

/** Values from the bundled fixtures that the tests rely on (see fixtures/*.json). */
public final class Fixture {
  private Fixture() {}

  /** Contact 1001, Zoë Müller-Lüdenscheidt. */
  public static final String SECRET = "8Qm3vT7kLp2XwZ9rBn4Y";

  /** Contact 1002: only the required properties set. */
  public static final String SPARSE_SECRET = "Hc5rN8wq2TzK6mPb7dXj";

  /** Lead 1, Jürgen Weiß, with company and pre-seeded authTokens 731904, 118276, 650342. */
  public static final String LEAD = "lead-7Gk2mQ9xWp4tR8vZ";

  public static final String LEAD_TOKEN = "731904";
  public static final String LEAD_TOKEN_2 = "118276";

  /** Lead 2, without company, pre-seeded authToken 402518. */
  public static final String OTHER_LEAD = "lead-Xc4Nf8Rb1Hs6Jq3D";

  public static final String OTHER_LEAD_TOKEN = "402518";

  /** Lead 3, whose accessToken expired in 2024; pre-seeded authToken 999001. */
  public static final String EXPIRED_LEAD = "lead-expiredLm5Vt2Kq8W";

  public static final String EXPIRED_LEAD_TOKEN = "999001";

  /** Lead 4: its authToken 314159 expired in 2025, 271828 is valid. */
  public static final String LEAD_WITH_EXPIRED_TOKEN = leadWithExpiredToken();

  public static final String EXPIRED_TOKEN = "314159";

  private static String leadWithExpiredToken() {
    return FixtureFiles.leadCodeHoldingAuthToken("314159");
  }
}
