package io.contractkit.fileerrors;

/**
 * One thing wrong in a file a user wrote, where it is and what to do about it, printed the way
 * compilers print theirs ({@code file:line:column: message}) so that editors and terminals can jump
 * to it.
 *
 * @param line 1-based; 0 when the place is not known (then only the file is printed)
 * @param column 1-based
 */
public record FileProblem(String file, int line, int column, String message) {

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
  }
}
