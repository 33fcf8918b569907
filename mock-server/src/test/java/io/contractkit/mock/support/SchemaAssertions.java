package io.contractkit.mock.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import io.contractkit.mock.fixtures.SchemaCatalog;
import java.util.List;

/** Asserts a response body against a schema of {@code schemas/}, the one source of truth. */
public final class SchemaAssertions {
  private static final SchemaCatalog SCHEMAS = new SchemaCatalog();

  private SchemaAssertions() {}

  public static void assertValid(String schema, String json) {
    List<Error> errors = SCHEMAS.schema(schema).validate(json, InputFormat.JSON);
    assertThat(errors).as("%s errors for %s", schema, json).isEmpty();
  }

  public static void assertInvalid(String schema, String json) {
    assertThat(SCHEMAS.schema(schema).validate(json, InputFormat.JSON))
        .as("%s should reject %s", schema, json)
        .isNotEmpty();
  }
}
