package io.contractkit.fileerrors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** A JSON pointer is placed at its key, or at the value for list items and the document. */
class LocationsTest {
  private static final String JSON =
      """
      {
        "contacts": [
          {"Id": 1,
           "Email": "a@example.com"},
          {"Id": 2, "Tags": ["x", {"y": 1}]}
        ]
      }""";

  @Test
  void aKeyIsPlacedAtTheKeyAndAListItemAtTheItem() {
    Locations places = Locations.in(JsonMapper.builder().build(), JSON);

    assertThat(places.problem("c.json", "/contacts/0/Email", "m"))
        .isEqualTo(new FileProblem("c.json", 4, 6, "m"));
    assertThat(places.problem("c.json", "/contacts/1", "m"))
        .isEqualTo(new FileProblem("c.json", 5, 5, "m"));
    assertThat(places.problem("c.json", "/contacts/1/Tags/1/y", "m"))
        .isEqualTo(new FileProblem("c.json", 5, 30, "m"));
    assertThat(places.problem("c.json", "/contacts", "m"))
        .isEqualTo(new FileProblem("c.json", 2, 3, "m"));
    assertThat(places.problem("c.json", "", "m")).isEqualTo(new FileProblem("c.json", 1, 1, "m"));
  }

  @Test
  void aPointerNotInTheTextHasNoPlace() {
    Locations places = Locations.in(JsonMapper.builder().build(), JSON);

    assertThat(places.problem("c.json", "/contacts/7", "m").toString()).isEqualTo("c.json: m");
  }

  @Test
  void whatComesBeforeASyntaxErrorIsPlaced() {
    Locations places = Locations.in(YAMLMapper.builder().build(), "a: 1\nb: [2\n");

    assertThat(places.problem("c.yaml", "/a", "m").toString()).isEqualTo("c.yaml:1:1: m");
    assertThat(places.problem("c.yaml", "/b/0", "m").toString()).isEqualTo("c.yaml:2:5: m");
  }
}
