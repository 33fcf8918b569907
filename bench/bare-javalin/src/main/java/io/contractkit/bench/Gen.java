package io.contractkit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates, from the fixtures, the WireMock stub mappings (same bodies byte for byte, same
 * Content-Type and Cache-Control) and the data files the wrk scripts read.
 *
 * <p>Usage: {@code java -cp bare-javalin.jar io.contractkit.bench.Gen FIXTURES_DIR OUT_DIR}; writes
 * OUT_DIR/wiremock/mappings/*.json, OUT_DIR/secrets.txt and OUT_DIR/leads.txt.
 *
 * <p>WireMock has no one-time tokens, so the LMS stubs are stateless: per active lead, an authToken
 * of six digits gets the lead's body, and the benchmark's all-null token {@code 000000} (never
 * minted) gets the null values, as do unknown leads.
 */
public final class Gen {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Gen() {}

  public static void main(String[] args) throws IOException {
    BenchFixtures fx = BenchFixtures.load(Path.of(args[0]));
    Path out = Path.of(args[1]);
    Path mappings = out.resolve("wiremock/mappings");
    Files.createDirectories(mappings);
    Files.createDirectories(out.resolve("wiremock/__files"));
    int n = 0;
    for (Map.Entry<String, byte[]> c : fx.contactsBySecret().entrySet()) {
      write(
          mappings,
          n++,
          stub(
              5,
              "/api/v1/Contacts",
              Map.of("secret", eq(c.getKey())),
              200,
              BenchFixtures.JSON,
              c.getValue()));
    }
    write(
        mappings,
        n++,
        stub(
            10,
            "/api/v1/Contacts",
            Map.of(),
            404,
            BenchFixtures.PROBLEM_JSON,
            BenchFixtures.NOT_FOUND));
    String lms = "/lms/leads/bytoken/contact";
    for (Map.Entry<String, byte[]> l : fx.activeLeadsByAccessToken().entrySet()) {
      write(
          mappings,
          n++,
          stub(
              5,
              lms,
              Map.of("accessToken", eq(l.getKey()), "authToken", matches("[0-9]{6}")),
              200,
              BenchFixtures.JSON,
              l.getValue()));
    }
    write(
        mappings,
        n++,
        stub(
            1,
            lms,
            Map.of("authToken", eq("000000")),
            200,
            BenchFixtures.JSON,
            BenchFixtures.NULL_VALUES));
    write(
        mappings, n++, stub(10, lms, Map.of(), 200, BenchFixtures.JSON, BenchFixtures.NULL_VALUES));
    Files.write(out.resolve("secrets.txt"), new ArrayList<>(fx.contactsBySecret().keySet()));
    Files.write(out.resolve("leads.txt"), new ArrayList<>(fx.activeLeadsByAccessToken().keySet()));
    List<String> seeded = new ArrayList<>();
    fx.seededCodesByAccessToken()
        .forEach((l, codes) -> codes.forEach(c -> seeded.add(l + " " + c)));
    Files.write(out.resolve("seeded.txt"), seeded);
    System.out.println(
        "wrote "
            + n
            + " WireMock stub mappings, "
            + fx.contactsBySecret().size()
            + " secrets, "
            + fx.activeLeadsByAccessToken().size()
            + " active leads to "
            + out);
  }

  private static ObjectNode eq(String value) {
    return JSON.createObjectNode().put("equalTo", value);
  }

  private static ObjectNode matches(String regex) {
    return JSON.createObjectNode().put("matches", regex);
  }

  private static ObjectNode stub(
      int priority,
      String path,
      Map<String, ObjectNode> query,
      int status,
      String contentType,
      byte[] body) {
    ObjectNode stub = JSON.createObjectNode();
    stub.put("priority", priority);
    ObjectNode request = stub.putObject("request");
    request.put("method", "GET");
    request.put("urlPath", path);
    if (!query.isEmpty()) {
      ObjectNode q = request.putObject("queryParameters");
      query.forEach(q::set);
    }
    ObjectNode response = stub.putObject("response");
    response.put("status", status);
    response.put("base64Body", Base64.getEncoder().encodeToString(body));
    ObjectNode headers = response.putObject("headers");
    headers.put("Content-Type", contentType);
    headers.put("Cache-Control", "no-store");
    return stub;
  }

  private static void write(Path dir, int n, ObjectNode stub) throws IOException {
    Files.writeString(
        dir.resolve(String.format("stub-%03d.json", n)),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(stub),
        StandardCharsets.UTF_8);
  }
}
