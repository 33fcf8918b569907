package io.contractkit.fileerrors;

import java.util.List;

/**
 * Everything wrong in one file, in the order of the file. The message is one line for one problem
 * ({@code config file mock.yaml:3:3: …}), and a heading with one line per problem for more.
 */
public final class FileProblems extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<FileProblem> problems;

  /**
   * @param kind what the file is to the user, e.g. {@code config file}, {@code profile}
   * @param file the file as the user named it
   */
  public FileProblems(String kind, String file, List<FileProblem> problems) {
    super(message(kind, file, problems));
    this.problems = List.copyOf(problems);
  }

  public List<FileProblem> problems() {
    return problems;
  }

  private static String message(String kind, String file, List<FileProblem> problems) {
    if (problems.size() == 1) {
      return kind + " " + problems.get(0);
    }
    StringBuilder message =
        new StringBuilder(kind + " " + file + " has " + problems.size() + " problems:");
    for (FileProblem problem : problems) {
      message.append('\n').append("  ").append(problem);
    }
    return message.toString();
  }
}
