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
    if (!value.matches("-?[0-9]{1,9}")) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a whole number (write it with the digits 0-9)");
    }
    return Integer.valueOf(value);
  }
}
