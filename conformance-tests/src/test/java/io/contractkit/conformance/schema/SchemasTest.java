package io.contractkit.conformance.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A schema violation names where (JSON pointer) and which keyword, without repeating the pointer.
 */
class SchemasTest {
  private final Schemas schemas = new Schemas();

  @Test
  void aViolationHasPointerKeywordAndAMessageWithoutThePointer() {
    var body =
        JsonMapper.builder()
            .build()
            .readTree("{\"name\":42,\"accessToken\":null,\"street\":null,\"city\":null}");

    var violations = schemas.validate(Schemas.LMS_CONTACT_INFO, body);

    assertThat(violations).anySatisfy(v -> assertThat(v.pointer()).isEqualTo("/name"));
    assertThat(violations)
        .allSatisfy(
            v -> {
              assertThat(v.keyword()).isNotBlank();
              assertThat(v.message()).isNotBlank().doesNotStartWith(v.pointer() + ": ");
              assertThat(v.toString())
                  .isEqualTo(
                      (v.pointer().isEmpty() ? "/" : v.pointer())
                          + " ["
                          + v.keyword()
                          + "] "
                          + v.message());
            });
  }

  @Test
  void aValidBodyHasNoViolationsAndItsExtraPropertiesAreListed() {
    var body =
        JsonMapper.builder()
            .build()
            .readTree(
                "{\"accessToken\":null,\"name\":null,\"street\":null,\"city\":null,\"zipCode\":null,"
                    + "\"email\":null,\"phone\":null,\"fax\":null,\"notice\":null,\"company\":null,"
                    + "\"tenant~/id\":1}");

    assertThat(schemas.validate(Schemas.LMS_CONTACT_INFO_NULL, body)).isEmpty();
    assertThat(schemas.extraProperties(Schemas.LMS_CONTACT_INFO, body))
        .containsExactly("/tenant~0~1id");
  }

  @Test
  void missingPropertiesAreTheDocumentedOnesTheBodyLeavesOutAtAnyDepth() {
    var body =
        JsonMapper.builder()
            .build()
            .readTree(
                "{\"accessToken\":{\"code\":\"c\"},\"name\":\"n\",\"street\":null,\"city\":null,"
                    + "\"zipCode\":null,\"email\":null,\"phone\":null,\"notice\":null,"
                    + "\"company\":{\"name\":\"x\",\"fax\":null}}");

    assertThat(schemas.missingProperties(Schemas.LMS_CONTACT_INFO, body))
        .containsExactly(
            "/accessToken/expiration",
            "/fax",
            "/company/street",
            "/company/city",
            "/company/zipCode",
            "/company/email",
            "/company/phone");
    assertThat(
            schemas.missingProperties(
                Schemas.LMS_CONTACT_INFO, JsonMapper.builder().build().readTree("[1]")))
        .isEmpty();
  }

  @Test
  void omittedNullsAreFilledWhereTheSchemaAllowsNullAndNowhereElse() {
    var json = JsonMapper.builder().build();
    var body = json.readTree("{\"accessToken\":{\"code\":\"c\"},\"company\":{\"name\":\"x\"}}");

    var filled = schemas.withOmittedNulls(Schemas.LMS_CONTACT_INFO, body);

    assertThat(filled.toString())
        .isEqualTo(
            "{\"accessToken\":{\"code\":\"c\"},\"company\":{\"name\":\"x\",\"street\":null,"
                + "\"city\":null,\"zipCode\":null,\"email\":null,\"phone\":null,\"fax\":null},"
                + "\"name\":null,\"street\":null,\"city\":null,\"zipCode\":null,\"email\":null,"
                + "\"phone\":null,\"fax\":null,\"notice\":null}");
    assertThat(body.toString())
        .isEqualTo("{\"accessToken\":{\"code\":\"c\"},\"company\":{\"name\":\"x\"}}");
    assertThat(
            schemas
                .withOmittedNulls(Schemas.LMS_CONTACT_INFO, json.readTree("{}"))
                .has("accessToken"))
        .isFalse();
    assertThat(
            schemas.withOmittedNulls(Schemas.LMS_CONTACT_INFO, json.readTree("{}")).has("company"))
        .isTrue();
    assertThat(
            schemas.withOmittedNulls(Schemas.READ_CONTACT_DTO, json.readTree("{}")).has("Secret"))
        .isFalse();
    assertThat(
            schemas
                .withOmittedNulls(Schemas.READ_CONTACT_DTO, json.readTree("{}"))
                .get("Email")
                .isNull())
        .isTrue();
    assertThat(
            schemas.withOmittedNulls(Schemas.READ_CONTACT_DTO, json.readTree("\"x\"")).asString())
        .isEqualTo("x");
    assertThat(schemas.withOmittedNulls(Schemas.LMS_CONTACT_INFO_NULL, json.readTree("{}")).size())
        .isEqualTo(10);
  }
}
