package io.contractkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.lms.InMemoryAuthTokenStore;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks the OpenAPI 3.1 description in {@code schemas/openapi.yaml} with the real swagger-parser:
 * it parses cleanly, describes both documented operations with their query parameters, and keeps
 * the mock's own extensions marked as such.
 */
class OpenApiDescriptionTest {

  /** Surefire runs with the module folder as working directory; the schemas live next to it. */
  private static final Path SCHEMAS_DIR = Path.of("..", "schemas").toAbsolutePath().normalize();

  private static final Path DESCRIPTION = SCHEMAS_DIR.resolve("openapi.yaml");

  private static final String LMS_CONTACT = "/lms/leads/bytoken/contact";
  private static final String CONTACTS = "/api/v1/Contacts";
  private static final Set<String> EXTENSION_TAGS = Set.of("mock-extension", "admin");
  private static final String STATE_STORE_UNAVAILABLE =
      "#/components/responses/StateStoreUnavailable";

  private static SwaggerParseResult result;
  private static OpenAPI api;

  @BeforeAll
  static void parseDescription() {
    assertThat(DESCRIPTION).isRegularFile();
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    result = new OpenAPIV3Parser().readLocation(DESCRIPTION.toString(), null, options);
    assertThat(result).as("parse result").isNotNull();
    api = result.getOpenAPI();
  }

  @Test
  void descriptionParsesWithoutAnyMessageAsOpenApi31() {
    assertThat(result.getMessages()).as("swagger-parser messages").isNullOrEmpty();
    assertThat(api).as("parsed OpenAPI").isNotNull();
    assertThat(api.getOpenapi()).startsWith("3.1");
    // No jsonSchemaDialect: OpenAPI 3.1's default dialect is already JSON Schema 2020-12 (plus the
    // OpenAPI vocabulary), and Swagger UI warns on the field.
    assertThat(api.getJsonSchemaDialect()).isNull();
  }

  @Test
  void bothDocumentedPathsOfferAGetOperation() {
    assertThat(api.getPaths()).containsKeys(LMS_CONTACT, CONTACTS);
    assertThat(api.getPaths().get(LMS_CONTACT).getGet()).as("GET " + LMS_CONTACT).isNotNull();
    assertThat(api.getPaths().get(CONTACTS).getGet()).as("GET " + CONTACTS).isNotNull();
  }

  @Test
  void documentedOperationsDeclareTheirRequiredQueryParameters() {
    assertThat(queryParameters(api.getPaths().get(LMS_CONTACT).getGet()))
        .as("query parameters of GET " + LMS_CONTACT + " (name -> required)")
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "accessToken", true,
                "authToken", true,
                "source", true));
    assertThat(queryParameters(api.getPaths().get(CONTACTS).getGet()))
        .as("query parameters of GET " + CONTACTS + " (name -> required)")
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "secret", true,
                "ip", false));
  }

  @Test
  void everyOperationDeclaresAtLeastOneClientErrorResponse() {
    List<String> withoutClientError = new ArrayList<>();
    forEachOperation(
        (label, pathItem, operation) -> {
          boolean hasClientError =
              operation.getResponses() != null
                  && operation.getResponses().keySet().stream()
                      .anyMatch(code -> code.matches("4(\\d\\d|XX)"));
          if (!hasClientError) {
            withoutClientError.add(label);
          }
        });
    assertThat(withoutClientError).as("operations without a 4xx response").isEmpty();
  }

  @Test
  void everyMockExtensionAndAdminPathItemIsMarkedAsMockExtension() {
    List<String> extensionPaths = new ArrayList<>();
    List<String> unmarked = new ArrayList<>();
    List<String> documentedButMarked = new ArrayList<>();
    forEachOperation(
        (label, pathItem, operation) -> {
          boolean taggedAsExtension =
              operation.getTags() != null
                  && operation.getTags().stream().anyMatch(EXTENSION_TAGS::contains);
          if (taggedAsExtension) {
            extensionPaths.add(label);
            if (!isMarkedAsMockExtension(pathItem.getExtensions())) {
              unmarked.add(label + " (path item)");
            }
            if (!isMarkedAsMockExtension(operation.getExtensions())) {
              unmarked.add(label + " (operation)");
            }
          } else if (isMarkedAsMockExtension(pathItem.getExtensions())
              || isMarkedAsMockExtension(operation.getExtensions())) {
            documentedButMarked.add(label);
          }
        });
    assertThat(extensionPaths).as("operations tagged mock-extension or admin").isNotEmpty();
    assertThat(unmarked).as("mock extensions without x-mock-extension: true").isEmpty();
    assertThat(documentedButMarked).as("documented operations marked as mock extension").isEmpty();
  }

  @Test
  void everyExternalReferenceResolvesToAnExistingFileUnderSchemas() {
    JsonNode description = new YAMLMapper().readTree(DESCRIPTION.toFile());
    Set<String> externalRefs = new LinkedHashSet<>();
    collectExternalRefs(description, externalRefs);

    assertThat(externalRefs).as("external $refs").isNotEmpty();
    Set<String> referencedFiles = new LinkedHashSet<>();
    JsonMapper json = new JsonMapper();
    for (String ref : externalRefs) {
      int hash = ref.indexOf('#');
      String file = hash < 0 ? ref : ref.substring(0, hash);
      String fragment = hash < 0 ? "" : ref.substring(hash + 1);
      Path target = SCHEMAS_DIR.resolve(file).normalize();

      assertThat(target).as("target of $ref %s", ref).startsWith(SCHEMAS_DIR).isRegularFile();
      referencedFiles.add(SCHEMAS_DIR.relativize(target).toString());
      if (!fragment.isEmpty()) {
        JsonNode schema = json.readTree(target.toFile());
        assertThat(schema.at(fragment).isMissingNode())
            .as("fragment of $ref %s points at nothing", ref)
            .isFalse();
      }
    }
    assertThat(referencedFiles)
        .contains(
            "LmsContactInfo.schema.json",
            "LmsContactInfoNull.schema.json",
            "ReadContactDto.schema.json",
            "Problem.schema.json");
  }

  @Test
  void everyAdminOperationButHealthDeclaresTheAdminTokenAndItsUnauthorizedAnswer() {
    List<String> admin = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    forEachOperation(
        (label, pathItem, operation) -> {
          if (!label.contains(" /__admin/") || label.endsWith("/__admin/health")) {
            if (operation.getSecurity() != null || operation.getResponses().containsKey("401")) {
              wrong.add(label + " (declares the admin token but needs none)");
            }
            return;
          }
          admin.add(label);
          boolean declaresToken =
              operation.getSecurity() != null
                  && operation.getSecurity().stream().anyMatch(r -> r.containsKey("adminToken"));
          if (!declaresToken || !operation.getResponses().containsKey("401")) {
            wrong.add(label);
          }
        });
    assertThat(admin).as("admin operations").hasSize(25);
    assertThat(api.getComponents().getSecuritySchemes()).containsKey("adminToken");
    assertThat(wrong).as("admin operations without adminToken security and a 401").isEmpty();
  }

  @Test
  void everyOperationDeclaresTheHostAnswerAndEveryAdminOneTheOriginAnswer() {
    List<String> wrong = new ArrayList<>();
    List<String> unsupportedMediaType = new ArrayList<>();
    forEachOperation(
        (label, pathItem, operation) -> {
          boolean admin = label.contains(" /__admin/");
          if (!operation.getResponses().containsKey("421")
              || admin != operation.getResponses().containsKey("403")) {
            wrong.add(label);
          }
          if (operation.getResponses().containsKey("415")) {
            unsupportedMediaType.add(label);
          }
        });
    assertThat(wrong).as("operations without 421, or with 403 exactly when not admin").isEmpty();
    assertThat(unsupportedMediaType)
        .containsExactlyInAnyOrder(
            "POST /__admin/authtokens",
            "POST /__admin/faults",
            "POST /__admin/clock",
            "PUT /__admin/contacts/{secret}",
            "PUT /__admin/leads/{accessToken}");
  }

  @Test
  void bothWaysToIssueAnAuthTokenDeclareTheFullStoreAnswer() {
    List<String> issuing = new ArrayList<>();
    forEachOperation(
        (label, pathItem, operation) -> {
          // The state store's 503 (StateStoreUnavailableDocumentedTest) is another answer, and so
          // is the event stream's (too many streams open).
          if (operation.getResponses().containsKey("503")
              && !STATE_STORE_UNAVAILABLE.equals(operation.getResponses().get("503").get$ref())
              && !label.equals("GET /__admin/events")) {
            issuing.add(label);
          }
        });
    assertThat(issuing)
        .containsExactlyInAnyOrder("POST /lms/leads/bytoken/authtoken", "POST /__admin/authtokens");
    for (String full : List.of("AuthTokenStoreFull", "SendAuthTokenStoreFull")) {
      assertThat(api.getComponents().getResponses().get(full).getDescription())
          .as(full)
          .contains(String.format(Locale.ROOT, "%,d", InMemoryAuthTokenStore.MAX_ISSUED_TOKENS));
    }
  }

  @Test
  void noSchemaCombinesAReferenceWithOtherKeywordsOrIsOnlyTypeNull() {
    // openapi-generator drops a schema that has $ref beside other keywords ("Illegal schema found
    // with $ref combined with other properties") and writes no model for it, and turns a schema
    // that is only `type: 'null'` into an import of a model "Null" that it never writes: either
    // makes a generated TypeScript client fail to compile (`const: null` says the same and is
    // read). Checked in the description and in every schema file it references.
    List<String> wrong = new ArrayList<>();
    JsonNode description = new YAMLMapper().readTree(DESCRIPTION.toFile());
    collectUnreadableSchemas(description, "openapi.yaml#", wrong);
    Set<String> files = new LinkedHashSet<>();
    collectExternalRefs(description, files);
    JsonMapper json = new JsonMapper();
    for (String file : files) {
      String name = file.contains("#") ? file.substring(0, file.indexOf('#')) : file;
      collectUnreadableSchemas(
          json.readTree(SCHEMAS_DIR.resolve(name).toFile()), name + "#", wrong);
    }
    assertThat(wrong).as("schemas generators cannot read").isEmpty();
  }

  @Test
  void theTextJsonBodyOfEachAnswerIsTheJsonTextOfItsApplicationJsonSchema() {
    JsonNode description = new YAMLMapper().readTree(DESCRIPTION.toFile());
    List<String> checked = new ArrayList<>();
    description
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation ->
                            operation
                                .getValue()
                                .path("responses")
                                .properties()
                                .forEach(
                                    response -> {
                                      JsonNode content = response.getValue().path("content");
                                      if (!content.has("text/json")) {
                                        return;
                                      }
                                      String label =
                                          operation.getKey()
                                              + " "
                                              + path.getKey()
                                              + " "
                                              + response.getKey();
                                      JsonNode text = content.get("text/json").get("schema");
                                      assertThat(text.path("type").asString(""))
                                          .as(label)
                                          .isEqualTo("string");
                                      assertThat(text.path("contentMediaType").asString(""))
                                          .as(label)
                                          .isEqualTo("application/json");
                                      assertThat(text.get("contentSchema"))
                                          .as(label)
                                          .isEqualTo(
                                              content.path("application/json").get("schema"));
                                      checked.add(label);
                                    })));
    assertThat(checked)
        .containsExactlyInAnyOrder("get " + LMS_CONTACT + " 200", "get " + CONTACTS + " 200");
  }

  // --- helpers ---

  private static void collectUnreadableSchemas(JsonNode node, String at, List<String> wrong) {
    if (node.isObject()) {
      if (node.has("$ref")) {
        for (String keyword : node.propertyNames()) {
          if (!Set.of("$ref", "description", "summary").contains(keyword)) {
            wrong.add(at + " ($ref beside " + keyword + ")");
          }
        }
      }
      if (node.size() <= 2
          && node.path("type").isString()
          && node.path("type").stringValue().equals("null")
          && (node.size() == 1 || node.has("description"))
          // Beside another schema in anyOf/oneOf it is the nullable idiom that generators read.
          && !at.matches(".*/(anyOf|oneOf)/\\d+$")) {
        wrong.add(at + " (only type null)");
      }
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        collectUnreadableSchemas(property.getValue(), at + "/" + property.getKey(), wrong);
      }
    } else if (node.isArray()) {
      int i = 0;
      for (JsonNode element : node.values()) {
        collectUnreadableSchemas(element, at + "/" + i++, wrong);
      }
    }
  }

  @FunctionalInterface
  private interface OperationVisitor {
    void visit(String label, PathItem pathItem, Operation operation);
  }

  private static void forEachOperation(OperationVisitor visitor) {
    assertThat(api.getPaths()).as("paths").isNotEmpty();
    api.getPaths()
        .forEach(
            (path, pathItem) ->
                pathItem
                    .readOperationsMap()
                    .forEach(
                        (method, operation) ->
                            visitor.visit(method + " " + path, pathItem, operation)));
  }

  /**
   * Query parameters of an operation, name to required; a $ref to components is followed if still
   * there.
   */
  private static Map<String, Boolean> queryParameters(Operation operation) {
    Map<String, Boolean> parameters = new LinkedHashMap<>();
    assertThat(operation.getParameters()).as("parameters").isNotEmpty();
    for (Parameter declared : operation.getParameters()) {
      Parameter parameter = dereference(declared);
      if ("query".equals(parameter.getIn())) {
        parameters.put(parameter.getName(), Boolean.TRUE.equals(parameter.getRequired()));
      }
    }
    return parameters;
  }

  private static Parameter dereference(Parameter parameter) {
    String ref = parameter.get$ref();
    if (ref == null) {
      return parameter;
    }
    String prefix = "#/components/parameters/";
    assertThat(ref).as("parameter $ref").startsWith(prefix);
    Parameter target = api.getComponents().getParameters().get(ref.substring(prefix.length()));
    assertThat(target).as("target of parameter $ref %s", ref).isNotNull();
    return target;
  }

  private static boolean isMarkedAsMockExtension(Map<String, Object> extensions) {
    return extensions != null && Boolean.TRUE.equals(extensions.get("x-mock-extension"));
  }

  private static void collectExternalRefs(JsonNode node, Set<String> refs) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        JsonNode value = property.getValue();
        if ("$ref".equals(property.getKey())
            && value.isString()
            && !value.stringValue().startsWith("#")) {
          refs.add(value.stringValue());
        }
        collectExternalRefs(value, refs);
      }
    } else if (node.isArray()) {
      for (JsonNode element : node.values()) {
        collectExternalRefs(element, refs);
      }
    }
  }
}
