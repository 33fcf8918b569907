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
    assertThat(api.getJsonSchemaDialect())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
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
    assertThat(admin).as("admin operations").hasSize(10);
    assertThat(api.getComponents().getSecuritySchemes()).containsKey("adminToken");
    assertThat(wrong).as("admin operations without adminToken security and a 401").isEmpty();
  }

  @Test
  void bothWaysToIssueAnAuthTokenDeclareTheFullStoreAnswer() {
    List<String> issuing = new ArrayList<>();
    forEachOperation(
        (label, pathItem, operation) -> {
          if (operation.getResponses().containsKey("503")) {
            issuing.add(label);
          }
        });
    assertThat(issuing)
        .containsExactlyInAnyOrder("POST /lms/leads/bytoken/authtoken", "POST /__admin/authtokens");
    assertThat(api.getComponents().getResponses().get("AuthTokenStoreFull").getDescription())
        .contains(String.format(Locale.ROOT, "%,d", InMemoryAuthTokenStore.MAX_ISSUED_TOKENS));
  }

  // --- helpers ---

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
