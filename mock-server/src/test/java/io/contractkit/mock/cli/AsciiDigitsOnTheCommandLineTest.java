package io.contractkit.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.contractkit.mock.Main;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Numbers and durations on the command line are written with the digits 0-9: a fullwidth or
 * Arabic-Indic digit, which Java's number parsing would read as a digit, is refused with the
 * option's name.
 */
class AsciiDigitsOnTheCommandLineTest {

  @ParameterizedTest
  @CsvSource({
    "--port, \uFF18\uFF10\uFF18\uFF10",
    "--port, 80\u0668\u0660",
    "--throttle-max-failures, \uFF15",
    "--journal-size, \u0665",
    "--outbox-size, 1\uFF10",
    "--port, +8080",
    "--port, 8080x",
    "--max-delayed, \uFF11\uFF10",
    "--seed, \u0664\u0662",
    "--seed, -",
    "--journal-size, 2147483648",
    "--seed, 9223372036854775808"
  })
  void aWholeNumberWithOtherCharactersThanTheDigitsIsRefused(String option, String value) {
    CommandLine.ParameterException error =
        catchThrowableOfType(
            CommandLine.ParameterException.class,
            () -> new CommandLine(new Main()).parseArgs(option, value));

    assertThat(error).isNotNull();
    assertThat(error.getMessage())
        .contains(option)
        .contains("'" + value + "' is not a whole number from")
        .contains("written with the digits 0-9");
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "8080, 8080",
    "-1, -1",
    "007, 7",
    "2147483647, 2147483647",
    "-2147483648, -2147483648"
  })
  void aWholeNumberInTheDigitsIsRead(String value, int expected) {
    assertThat(new WholeNumberConverter().convert(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "42, 42",
    "-7, -7",
    "9223372036854775807, 9223372036854775807",
    "-9223372036854775808, -9223372036854775808"
  })
  void aLongInTheDigitsIsRead(String value, long expected) {
    assertThat(new WholeNumberConverter.ForLong().convert(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"\uFF16\uFF10s", "\u0666\u0660s", "PT\uFF16\uFF10S", "6\uFF10ms", "1\u096Eh"})
  void aDurationWithNonAsciiDigitsIsRefused(String value) {
    assertThatThrownBy(() -> DurationConverter.parse(value))
        .isInstanceOf(CommandLine.TypeConversionException.class)
        .hasMessageContaining("is not a duration");
  }
}
