package io.contractkit.conformance.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schemas of {@code schemas/} (packaged in the jar), loaded once: draft 2020-12, {@code
 * $id}s mapped to the bundled files so nothing is fetched, {@code format} assertions on.
 */
public final class Schemas {
  public static final String ID_PREFIX = "https://contract-kit.example/schemas/";
  public static final String READ_CONTACT_DTO = "ReadContactDto.schema.json";
  public static final String LMS_CONTACT_INFO = "LmsContactInfo.schema.json";
  public static final String LMS_CONTACT_INFO_NULL = "LmsContactInfoNull.schema.json";

  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder
                  .schemaIdResolvers(ids -> ids.mapPrefix(ID_PREFIX, "classpath:schemas/"))
                  .schemaRegistryConfig(
                      SchemaRegistryConfig.builder()
                          .formatAssertionsEnabled(true)
                          .pathType(PathType.JSON_POINTER)
                          .locale(Locale.ENGLISH)
                          .build()));
  private final Map<String, Schema> loaded = new ConcurrentHashMap<>();

  public Schema schema(String name) {
    return loaded.computeIfAbsent(name, n -> registry.getSchema(SchemaLocation.of(ID_PREFIX + n)));
  }

  public List<SchemaViolation> validate(String schemaName, JsonNode body) {
    List<SchemaViolation> violations = new ArrayList<>();
    for (Error e : schema(schemaName).validate(body)) {
      String pointer = e.getInstanceLocation().toString();
      String message = e.getMessage();
      if (message.startsWith(pointer + ": ")) {
        message = message.substring(pointer.length() + 2);
      }
      violations.add(new SchemaViolation(pointer, e.getKeyword(), message));
    }
    return violations;
  }

  /**
   * Properties of {@code body} that the schema does not describe (at any depth it describes):
   * allowed by the schemas, reported as a warning (lenient) or an error (strict).
   */
  public List<String> extraProperties(String schemaName, JsonNode body) {
    List<String> extra = new ArrayList<>();
    JsonNode schema = schema(schemaName).getSchemaNode();
    collectExtra(schema, schema, body, "", extra);
    return extra;
  }

  private static void collectExtra(
      JsonNode root, JsonNode schema, JsonNode body, String pointer, List<String> extra) {
    if (body == null || !body.isObject()) {
      return;
    }
    schema = resolve(root, schema);
    if (schema.has("anyOf")) {
      for (JsonNode option : schema.get("anyOf")) {
        JsonNode resolved = resolve(root, option);
        if (resolved.has("properties")) {
          schema = resolved;
          break;
        }
      }
    }
    JsonNode properties = schema.get("properties");
    if (properties == null) {
      return;
    }
    Iterator<String> names = body.propertyNames().iterator();
    while (names.hasNext()) {
      String name = names.next();
      String at = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
      if (!properties.has(name)) {
        extra.add(at);
      } else {
        collectExtra(root, properties.get(name), body.get(name), at, extra);
      }
    }
  }

  private static JsonNode resolve(JsonNode root, JsonNode schema) {
    JsonNode ref = schema.get("$ref");
    if (ref != null && ref.asString().startsWith("#/")) {
      return root.at(ref.asString().substring(1));
    }
    return schema;
  }
}
