package io.contractkit.mock.cli;

import picocli.CommandLine;

/**
 * Whole numbers on the command line, written with the digits 0-9 (and maybe a leading minus):
 * picocli's own reading, {@code Integer.valueOf}, also takes fullwidth or Arabic-Indic digits, so
 * that {@code --port ８０８０} would listen on 8080.
 */
public final class WholeNumberConverter implements CommandLine.ITypeConverter<Integer> {
  @Override
  public Integer convert(String value) {
    return (int) inDigits(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /** The same for a {@code long}. */
  public static final class ForLong implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return inDigits(value, Long.MIN_VALUE, Long.MAX_VALUE);
    }
  }

  private static long inDigits(String value, long min, long max) {
    try {
      if (value.matches("-?[0-9]+")) {
        long number = Long.parseLong(value);
        if (number >= min && number <= max) {
          return number;
        }
      }
    } catch (NumberFormatException tooLong) {
      // reported below
    }
    throw new CommandLine.TypeConversionException(
        "'"
            + value
            + "' is not a whole number from "
            + min
            + " to "
            + max
            + " written with the digits 0-9");
  }
}
