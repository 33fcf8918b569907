package io.contractkit.conformance.fakes;

import java.util.Iterator;
import java.util.Map;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * JSON rewrites for simulated implementations: rename keys, change values, everywhere in a body.
 */
public final class Rewrite {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Rewrite() {}

  /** A copy with every object key renamed by {@code rename}, at any depth. */
  public static JsonNode keys(JsonNode node, UnaryOperator<String> rename) {
    if (node.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        copy.set(rename.apply(e.getKey()), keys(e.getValue(), rename));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JSON.createArrayNode();
      node.forEach(child -> copy.add(keys(child, rename)));
      return copy;
    }
    return node;
  }

  /** A copy with every string value changed by {@code change}, at any depth. */
  public static JsonNode strings(JsonNode node, UnaryOperator<String> change) {
    if (node.isString()) {
      return StringNode.valueOf(change.apply(node.asString()));
    }
    if (node.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        copy.set(e.getKey(), strings(e.getValue(), change));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JSON.createArrayNode();
      node.forEach(child -> copy.add(strings(child, change)));
      return copy;
    }
    return node;
  }

  /** A copy without any property whose value is {@code null}, at any depth. */
  public static JsonNode withoutNulls(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (!e.getValue().isNull()) {
          copy.set(e.getKey(), withoutNulls(e.getValue()));
        }
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JSON.createArrayNode();
      node.forEach(child -> copy.add(withoutNulls(child)));
      return copy;
    }
    return node;
  }

  public static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  public static String upperFirst(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** A mutable copy of an object body. */
  public static ObjectNode object(JsonNode node) {
    return (ObjectNode) node.deepCopy();
  }
}
