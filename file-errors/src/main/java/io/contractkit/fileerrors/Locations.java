package io.contractkit.fileerrors;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.ObjectMapper;

/**
 * Where each value of a JSON or YAML text is, by its JSON pointer: the place of its key, or of the
 * value itself for list items and the whole document. Found by reading the text once more with
 * Jackson's own parser, for messages about values whose place the reader had no longer at hand (a
 * key Jackson buffered before it found it unknown; a JSON Schema error, which knows only the
 * pointer).
 */
public final class Locations {
  private final Map<String, TokenStreamLocation> byPointer;

  private Locations(Map<String, TokenStreamLocation> byPointer) {
    this.byPointer = byPointer;
  }

  /**
   * The places in {@code text}, read with {@code mapper}'s format; up to a syntax error, if there
   * is one.
   */
  public static Locations in(ObjectMapper mapper, String text) {
    Map<String, TokenStreamLocation> byPointer = new HashMap<>();
    try (JsonParser parser = mapper.createParser(text)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (!token.isStructEnd()) {
          // A key comes before its value, which has the same pointer: the key's place is kept.
          byPointer.putIfAbsent(
              parser.streamReadContext().pathAsPointer().toString(), parser.currentTokenLocation());
        }
      }
    } catch (JacksonException e) {
      // a syntax error, reported on its own: what came before it is known
    }
    return new Locations(byPointer);
  }

  /** A problem at the value {@code pointer} points to; without line and column if not found. */
  public FileProblem problem(String file, String pointer, String message) {
    TokenStreamLocation location = byPointer.get(pointer);
    return location == null
        ? new FileProblem(file, 0, 0, message)
        : new FileProblem(file, location.getLineNr(), location.getColumnNr(), message);
  }
}
