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

  /**
   * The documented properties (those the schema lists, at any depth it describes) that {@code body}
   * leaves out, as JSON pointers in document order, whether the schema requires them or not.
   */
  public List<String> missingProperties(String schemaName, JsonNode body) {
    List<String> missing = new ArrayList<>();
    JsonNode schema = schema(schemaName).getSchemaNode();
    collectMissing(schema, schema, body, "", missing, null);
    return missing;
  }

  /**
   * A copy of {@code body} in which every documented property that is left out and may be null is
   * {@code null}: how lenient mode reads an omitted null (a valid choice) before validating. A
   * left-out property that may not be null stays left out, so the schema still reports it.
   */
  public JsonNode withOmittedNulls(String schemaName, JsonNode body) {
    if (body == null || !body.isObject()) {
      return body;
    }
    JsonNode copy = body.deepCopy();
    JsonNode schema = schema(schemaName).getSchemaNode();
    collectMissing(schema, schema, copy, "", new ArrayList<>(), copy);
    return copy;
  }

  /**
   * Walks the documented properties: adds the pointer of each one {@code body} lacks to {@code
   * missing}; when {@code fill} is given, sets the nullable ones to null in it (at the same place).
   */
  private static void collectMissing(
      JsonNode root,
      JsonNode schema,
      JsonNode body,
      String pointer,
      List<String> missing,
      JsonNode fill) {
    if (body == null || !body.isObject()) {
      return;
    }
    JsonNode described = describedObject(root, schema);
    JsonNode properties = described == null ? null : described.get("properties");
    if (properties == null) {
      return;
    }
    for (String name : properties.propertyNames()) {
      String at = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
      JsonNode propertySchema = properties.get(name);
      if (!body.has(name)) {
        missing.add(at);
        if (fill != null && nullable(root, propertySchema)) {
          ((tools.jackson.databind.node.ObjectNode) body).putNull(name);
        }
      } else {
        collectMissing(root, propertySchema, body.get(name), at, missing, fill);
      }
    }
  }

  /** The schema, or its {@code anyOf} option, that describes an object's properties. */
  private static JsonNode describedObject(JsonNode root, JsonNode schema) {
    JsonNode resolved = resolve(root, schema);
    if (resolved.has("properties")) {
      return resolved;
    }
    if (resolved.has("anyOf")) {
      for (JsonNode option : resolved.get("anyOf")) {
        JsonNode o = resolve(root, option);
        if (o.has("properties")) {
          return o;
        }
      }
    }
    return null;
  }

  /**
   * Whether the schema allows {@code null}: its type is or lists "null", its const is null, or an
   * anyOf option does.
   */
  private static boolean nullable(JsonNode root, JsonNode schema) {
    JsonNode resolved = resolve(root, schema);
    JsonNode constant = resolved.get("const");
    if (constant != null && constant.isNull()) {
      return true;
    }
    JsonNode type = resolved.get("type");
    if (type != null) {
      if (type.isString() && type.asString().equals("null")) {
        return true;
      }
      for (JsonNode t : type) {
        if (t.asString().equals("null")) {
          return true;
        }
      }
    }
    JsonNode anyOf = resolved.get("anyOf");
    if (anyOf != null) {
      for (JsonNode option : anyOf) {
        if (nullable(root, option)) {
          return true;
        }
      }
    }
    return false;
  }

  private static JsonNode resolve(JsonNode root, JsonNode schema) {
    JsonNode ref = schema.get("$ref");
    if (ref != null && ref.asString().startsWith("#/")) {
      return root.at(ref.asString().substring(1));
    }
    return schema;
  }
}
