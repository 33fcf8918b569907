package io.contractkit.conformance.schema;

/** One way a body breaks a schema: where (JSON pointer), which keyword, and the message. */
public record SchemaViolation(String pointer, String keyword, String message) {
  @Override
  public String toString() {
    return (pointer.isEmpty() ? "/" : pointer) + " [" + keyword + "] " + message;
  }
}
