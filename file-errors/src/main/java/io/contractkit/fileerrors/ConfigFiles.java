package io.contractkit.fileerrors;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.util.ClassUtil;

/**
 * Reads a YAML or JSON file a user wrote into a record, and reports <em>every</em> unknown key and
 * value of the wrong kind at once, each with file, line and column, the key, what was expected and
 * the nearest valid key or value; never a Java class name. The valid keys are the ones Jackson
 * knows for the record, so a key added to it is valid (and suggested) without more code.
 *
 * <p>Jackson stops at the first problem; a {@link DeserializationProblemHandler} records each one
 * and skips the value instead. A syntax error still ends the reading, and is reported after what
 * was found before it.
 */
public final class ConfigFiles {
  private ConfigFiles() {}

  /**
   * {@code text}, the content of {@code file}, read into {@code type} with {@code mapper} (which
   * decides YAML or JSON and the features); null for a blank text.
   *
   * @param kind what the file is to the user, e.g. {@code config file}, {@code profile}
   * @throws FileProblems naming every problem found
   */
  public static <T> T read(
      ObjectMapper mapper, Class<T> type, String text, String kind, String file) {
    if (text.isBlank()) {
      return null;
    }
    Collector collector = new Collector();
    T value = null;
    try {
      value =
          mapper
              .rebuild()
              .addModule(WHOLE_NUMBERS_IN_DIGITS)
              .build()
              .readerFor(type)
              .withHandler(collector)
              .readValue(text);
    } catch (JacksonException e) {
      collector.found.add(new Found(null, e.getLocation(), message(e, mapper)));
    }
    if (collector.found.isEmpty()) {
      return value;
    }
    Locations keys = Locations.in(mapper, text);
    List<FileProblem> problems = new ArrayList<>();
    for (Found found : collector.found) {
      problems.add(
          found.location() == null
              ? keys.problem(file, found.pointer().toString(), found.message())
              : place(file, found.location(), found.message()));
    }
    problems.sort(Comparator.comparingInt(FileProblem::line).thenComparingInt(FileProblem::column));
    throw new FileProblems(kind, file, problems);
  }

  /**
   * The problem Jackson reported while reading {@code file} with {@code mapper}: its place, and
   * what is wrong in words without Java class names (a syntax error: {@code not valid JSON: …}).
   */
  public static FileProblem problem(String file, JacksonException e, ObjectMapper mapper) {
    return place(file, e.getLocation(), message(e, mapper));
  }

  private static FileProblem place(String file, TokenStreamLocation location, String message) {
    return location == null || location.getLineNr() < 1
        ? new FileProblem(file, 0, 0, message)
        : new FileProblem(file, location.getLineNr(), location.getColumnNr(), message);
  }

  /**
   * A whole number given as text -- a YAML scalar that is no number, a JSON string -- Jackson reads
   * as {@code Integer.parseInt} does, which also takes fullwidth, Arabic-Indic and other digits:
   * {@code port: ８０８０} would be 8080. Text with anything but ASCII is a value of the wrong kind.
   */
  private static final SimpleModule WHOLE_NUMBERS_IN_DIGITS =
      new SimpleModule("whole numbers in the digits 0-9")
          .addDeserializer(
              Integer.class,
              new InDigits<>(
                  Integer.class, new NumberDeserializers.IntegerDeserializer(Integer.class, null)))
          .addDeserializer(
              Integer.TYPE,
              new InDigits<>(
                  Integer.TYPE, new NumberDeserializers.IntegerDeserializer(Integer.TYPE, 0)))
          .addDeserializer(
              Long.class,
              new InDigits<>(
                  Long.class, new NumberDeserializers.LongDeserializer(Long.class, null)))
          .addDeserializer(
              Long.TYPE,
              new InDigits<>(Long.TYPE, new NumberDeserializers.LongDeserializer(Long.TYPE, 0L)));

  /** Jackson's own reading of a whole number, but text with other characters than ASCII. */
  private static final class InDigits<T> extends StdDeserializer<T> {
    private final ValueDeserializer<T> standard;

    InDigits(Class<T> type, ValueDeserializer<T> standard) {
      super(type);
      this.standard = standard;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) {
      if (p.hasToken(JsonToken.VALUE_STRING) && !p.getString().chars().allMatch(c -> c < 0x80)) {
        @SuppressWarnings("unchecked")
        T wrong =
            (T) ctxt.handleWeirdStringValue(handledType(), p.getString(), "not in the digits 0-9");
        return wrong;
      }
      return standard.deserialize(p, ctxt);
    }
  }

  /** A problem found while reading: where (the value's place, or null: its key's) and what. */
  private record Found(JsonPointer pointer, TokenStreamLocation location, String message) {}

  /** Records each problem and skips the value, so that reading goes on to the next one. */
  private static final class Collector extends DeserializationProblemHandler {
    final List<Found> found = new ArrayList<>();

    @Override
    public boolean handleUnknownProperty(
        DeserializationContext ctxt,
        JsonParser p,
        ValueDeserializer<?> deserializer,
        Object beanOrClass,
        String propertyName) {
      JsonParser reader = ctxt.getParser();
      // A record's unknown keys are buffered and replayed once its object has ended: the reader is
      // then at the end of that object, and the replay has no place. Otherwise the reader is at
      // the key's value.
      JsonPointer key =
          p == reader
              ? p.streamReadContext().pathAsPointer()
              : reader.streamReadContext().pathAsPointer().appendProperty(propertyName);
      JsonPointer container = key.head();
      List<String> known =
          deserializer.getKnownPropertyNames().stream().map(String::valueOf).toList();
      String where = container.matches() ? "" : " in " + label(container);
      found.add(
          new Found(
              key,
              null,
              "unknown key '"
                  + propertyName
                  + "'"
                  + where
                  + didYouMean(propertyName, known)
                  + "; valid keys"
                  + (where.isEmpty() ? " at the top level" : where)
                  + ": "
                  + String.join(", ", known)));
      p.skipChildren();
      return true;
    }

    @Override
    public Object handleUnexpectedToken(
        DeserializationContext ctxt,
        JavaType targetType,
        JsonToken t,
        JsonParser p,
        String failureMsg) {
      return wrongValue(ctxt, targetType, p, found(t, p), "");
    }

    @Override
    public Object handleMissingInstantiator(
        DeserializationContext ctxt,
        Class<?> instClass,
        ValueInstantiator valueInsta,
        JsonParser p,
        String msg) {
      return wrongValue(ctxt, ctxt.constructType(instClass), p, found(p.currentToken(), p), "");
    }

    @Override
    public Object handleWeirdStringValue(
        DeserializationContext ctxt,
        Class<?> targetType,
        String valueToConvert,
        String failureMsg) {
      String hint =
          targetType.isEnum() ? didYouMean(valueToConvert, enumNames(ctxt, targetType)) : "";
      return wrongValue(
          ctxt, ctxt.constructType(targetType), ctxt.getParser(), "'" + valueToConvert + "'", hint);
    }

    @Override
    public Object handleWeirdNumberValue(
        DeserializationContext ctxt,
        Class<?> targetType,
        Number valueToConvert,
        String failureMsg) {
      return wrongValue(
          ctxt, ctxt.constructType(targetType), ctxt.getParser(), valueToConvert.toString(), "");
    }

    /** A record's constructor refused the values: its message, at the record's key. */
    @Override
    public Object handleInstantiationProblem(
        DeserializationContext ctxt, Class<?> instClass, Object argument, Throwable t) {
      JsonPointer pointer = ctxt.getParser().streamReadContext().pathAsPointer();
      found.add(new Found(pointer, null, prefix(pointer) + ClassUtil.getRootCause(t).getMessage()));
      return null;
    }

    private Object wrongValue(
        DeserializationContext ctxt, JavaType type, JsonParser p, String found, String hint) {
      JsonPointer pointer = p.streamReadContext().pathAsPointer();
      this.found.add(
          new Found(
              pointer,
              p.currentTokenLocation(),
              prefix(pointer) + "expected " + expected(ctxt, type) + ", found " + found + hint));
      p.skipChildren();
      return type.isPrimitive() ? ClassUtil.defaultValue(type.getRawClass()) : null;
    }
  }

  /** {@code " (did you mean 'x'?)"} when a valid name is near {@code typed}, else nothing. */
  private static String didYouMean(String typed, Collection<String> valid) {
    return NearestName.among(typed, valid)
        .map(name -> " (did you mean '" + name + "'?)")
        .orElse("");
  }

  /** What a value of {@code type} is written as, in the words of a config file. */
  private static String expected(DeserializationContext ctxt, JavaType type) {
    Class<?> raw =
        type.isPrimitive() ? ClassUtil.wrapperType(type.getRawClass()) : type.getRawClass();
    if (raw.isEnum()) {
      return "one of " + String.join(", ", enumNames(ctxt, raw));
    }
    if (type.isMapLikeType()) {
      return "a mapping";
    }
    if (type.isContainerType()) {
      return "a list";
    }
    if (raw == Boolean.class) {
      return "true or false";
    }
    if (raw == Integer.class
        || raw == Long.class
        || raw == Short.class
        || raw == BigInteger.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(raw)) {
      return "a number";
    }
    if (raw == String.class) {
      return "a string";
    }
    Collection<Object> keys = ctxt.findRootValueDeserializer(type).getKnownPropertyNames();
    return keys == null || keys.isEmpty()
        ? "a value of another kind"
        : "a mapping with the keys "
            + String.join(", ", keys.stream().map(String::valueOf).toList());
  }

  /** The constants of an enum as a file may spell them: lower case where case does not matter. */
  private static List<String> enumNames(DeserializationContext ctxt, Class<?> enumType) {
    boolean anyCase = ctxt.isEnabled(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);
    return Arrays.stream(enumType.getEnumConstants())
        .map(c -> ((Enum<?>) c).name())
        .map(name -> anyCase ? name.toLowerCase(Locale.ROOT) : name)
        .toList();
  }

  /** What the file has where the parser is, at token {@code t}. */
  private static String found(JsonToken t, JsonParser p) {
    switch (t) {
      case START_ARRAY:
        return "a list";
      case START_OBJECT:
        return "a mapping";
      case VALUE_STRING:
        return "'" + p.getString() + "'";
      default:
        return p.getString();
    }
  }

  /** The message for a problem Jackson threw rather than handed to the {@link Collector}. */
  private static String message(JacksonException e, ObjectMapper mapper) {
    if (e.getCause() instanceof MarkedYamlEngineException yaml) {
      String context =
          yaml.getContext() == null
              ? ""
              : yaml.getContextMark()
                  .map(
                      mark ->
                          " ("
                              + yaml.getContext()
                              + " that starts at "
                              + (mark.getLine() + 1)
                              + ":"
                              + (mark.getColumn() + 1)
                              + ")")
                  .orElse(" (" + yaml.getContext() + ")");
      return "not valid YAML: " + yaml.getProblem() + context;
    }
    String path = prefix(e.getPath());
    if (e instanceof InputCoercionException) {
      return path + "the number is out of range";
    }
    if (e instanceof StreamReadException) {
      return "not valid "
          + mapper.tokenStreamFactory().getFormatName()
          + ": "
          + e.getOriginalMessage().replaceAll(" \\(start marker at \\[Source: [^]]*]\\)", "");
    }
    return path + e.getOriginalMessage();
  }

  /** {@code "key.path: "} for a value below the top level, else nothing. */
  private static String prefix(JsonPointer pointer) {
    return pointer.matches() ? "" : label(pointer) + ": ";
  }

  private static String prefix(List<JacksonException.Reference> path) {
    JsonPointer pointer = JsonPointer.empty();
    for (JacksonException.Reference reference : path) {
      pointer =
          reference.getPropertyName() != null
              ? pointer.appendProperty(reference.getPropertyName())
              : pointer.appendIndex(reference.getIndex());
    }
    return prefix(pointer);
  }

  /** A pointer as a user names the key: {@code contacts.secrets[0].secret}. */
  private static String label(JsonPointer pointer) {
    StringBuilder label = new StringBuilder();
    for (JsonPointer p = pointer; !p.matches(); p = p.tail()) {
      if (p.getMatchingIndex() >= 0) {
        label.append('[').append(p.getMatchingIndex()).append(']');
      } else {
        label.append(label.length() == 0 ? "" : ".").append(p.getMatchingProperty());
      }
    }
    return label.toString();
  }
}
