package io.contractkit.conformance.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Finds what in a repository points outside it or nowhere: in every Markdown file, each relative
 * link (inline, reference, image, or an HTML {@code href}/{@code src}) must name a file or folder
 * of the repository, and its {@code #anchor} must exist (a heading's GitHub id, an explicit {@code
 * <a id>}, or {@code #L12} / {@code #L12-L20} within a text file's lines); in every text file, no
 * path may lead out of the repository (into the folder "shared" beside the checkout, where this
 * project's first notes lived, or an absolute path into a machine's {@code /work}, {@code /home},
 * {@code /Users} or {@code /root}).
 *
 * <p>The files are the repository's files as git sees them (tracked, and new ones that are not
 * ignored), or every file below the root when it is not a git checkout.
 */
final class RepositoryLinks {
  /** Paths that exist only on the machine a file was written on. */
  private static final Pattern OUTSIDE_PATH =
      Pattern.compile("\\.\\./shared\\b|(?<![\\w.:/~-])/(?:work|home|Users|root)/[\\w.-]");

  /**
   * Every match of {@link #OUTSIDE_PATH} contains one of these (the first written in two pieces, so
   * that this file does not match itself).
   */
  private static final List<String> OUTSIDE_PATH_PARTS =
      List.of(".." + "/shared", "/work/", "/home/", "/Users/", "/root/");

  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
  private static final Pattern LINE_ANCHOR = Pattern.compile("L(\\d+)(?:-L(\\d+))?");
  private static final Pattern HTML_ID =
      Pattern.compile("<a\\s[^>]*?\\b(?:id|name)\\s*=\\s*\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern HTML_LINK =
      Pattern.compile("\\b(?:href|src)\\s*=\\s*\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

  private static final Parser MARKDOWN =
      Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

  private final Path root;
  private final Set<String> files;
  private final Set<String> folders = new HashSet<>();
  private final Map<String, Set<String>> anchors = new ConcurrentHashMap<>();

  private RepositoryLinks(Path root, Set<String> files) {
    this.root = root;
    this.files = files;
    for (String file : files) {
      for (Path p = Path.of(file).getParent(); p != null; p = p.getParent()) {
        folders.add(slashed(p));
      }
    }
  }

  /** Every problem in the repository at {@code root}, as {@code path:line: what}; empty if none. */
  static List<String> problems(Path root) {
    Path absolute = root.toAbsolutePath().normalize();
    return new RepositoryLinks(absolute, repositoryFiles(absolute)).problems();
  }

  private List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (String file : files) {
      Optional<String> text = text(file);
      if (text.isEmpty()) {
        continue;
      }
      outsidePaths(file, text.get(), problems);
      if (file.endsWith(".md")) {
        markdownLinks(file, text.get(), problems);
      }
    }
    return problems;
  }

  private static void outsidePaths(String file, String text, List<String> problems) {
    if (OUTSIDE_PATH_PARTS.stream().noneMatch(text::contains)) {
      return; // most files, and a regex over a large one costs more than the whole check
    }
    Matcher m = OUTSIDE_PATH.matcher(text);
    int line = 1;
    int counted = 0;
    int reported = 0;
    while (m.find()) {
      for (; counted < m.start(); counted++) {
        line += text.charAt(counted) == '\n' ? 1 : 0;
      }
      if (line != reported) {
        problems.add(file + ":" + line + ": points outside the repository (" + m.group() + "…)");
        reported = line;
      }
    }
  }

  private void markdownLinks(String file, String text, List<String> problems) {
    Node document = MARKDOWN.parse(text);
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Link link) {
            check(file, link, link.getDestination(), problems);
            visitChildren(link);
          }

          @Override
          public void visit(Image image) {
            check(file, image, image.getDestination(), problems);
            visitChildren(image);
          }

          @Override
          public void visit(LinkReferenceDefinition definition) {
            check(file, definition, definition.getDestination(), problems);
          }

          @Override
          public void visit(HtmlInline html) {
            htmlLinks(file, html, html.getLiteral(), problems);
          }

          @Override
          public void visit(HtmlBlock html) {
            htmlLinks(file, html, html.getLiteral(), problems);
          }
        });
  }

  private void htmlLinks(String file, Node node, String html, List<String> problems) {
    Matcher m = HTML_LINK.matcher(html);
    while (m.find()) {
      check(file, node, m.group(1), problems);
    }
  }

  private void check(String file, Node node, String destination, List<String> problems) {
    Optional<String> problem = problem(file, destination);
    problem.ifPresent(p -> problems.add(file + ":" + line(node) + ": " + p));
  }

  /** What is wrong with a link from {@code file} to {@code destination}, if anything. */
  private Optional<String> problem(String file, String destination) {
    if (destination == null || destination.isEmpty() || SCHEME.matcher(destination).find()) {
      return Optional.empty();
    }
    int hash = destination.indexOf('#');
    String path = hash < 0 ? destination : destination.substring(0, hash);
    String anchor = hash < 0 ? null : destination.substring(hash + 1);
    String target = file;
    if (!path.isEmpty()) {
      String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
      if (decoded.startsWith("/")) {
        return Optional.of(destination + ": an absolute path (links must be relative)");
      }
      Path resolved = root.resolve(file).resolveSibling(decoded).normalize();
      if (!resolved.startsWith(root)) {
        return Optional.of(destination + ": leads outside the repository");
      }
      target = slashed(root.relativize(resolved));
      boolean folder = target.isEmpty() || folders.contains(target);
      if (!files.contains(target) && !folder) {
        return Optional.of(destination + ": no such file in the repository");
      }
      if (folder) {
        return anchor == null
            ? Optional.empty()
            : Optional.of(destination + ": an anchor on a folder");
      }
    }
    return anchor == null ? Optional.empty() : anchorProblem(destination, target, anchor);
  }

  private Optional<String> anchorProblem(String destination, String target, String anchor) {
    if (target.endsWith(".md")) {
      return anchors(target).contains(anchor)
          ? Optional.empty()
          : Optional.of(destination + ": no heading or anchor '" + anchor + "' in " + target);
    }
    Matcher lines = LINE_ANCHOR.matcher(anchor);
    if (!lines.matches()) {
      return Optional.of(destination + ": an anchor into a file that is not Markdown");
    }
    long count = text(target).map(t -> t.lines().count()).orElse(0L);
    int first = Integer.parseInt(lines.group(1));
    int last = lines.group(2) == null ? first : Integer.parseInt(lines.group(2));
    return first >= 1 && first <= last && last <= count
        ? Optional.empty()
        : Optional.of(destination + ": " + target + " has " + count + " lines");
  }

  /** The ids a Markdown file offers: its headings' GitHub ids and its explicit HTML anchors. */
  private Set<String> anchors(String file) {
    return anchors.computeIfAbsent(
        file,
        f -> {
          Set<String> ids = new TreeSet<>();
          IdGenerator headings = IdGenerator.builder().build();
          Node document = MARKDOWN.parse(text(f).orElse(""));
          document.accept(
              new AbstractVisitor() {
                @Override
                public void visit(Heading heading) {
                  ids.add(headings.generateId(plainText(heading)));
                  visitChildren(heading);
                }

                @Override
                public void visit(HtmlInline html) {
                  explicitIds(html.getLiteral(), ids);
                }

                @Override
                public void visit(HtmlBlock html) {
                  explicitIds(html.getLiteral(), ids);
                }
              });
          return ids;
        });
  }

  private static void explicitIds(String html, Set<String> ids) {
    Matcher m = HTML_ID.matcher(html);
    while (m.find()) {
      ids.add(m.group(1));
    }
  }

  /** A heading's text as GitHub makes its id from it: text and code spans, no markup or HTML. */
  private static String plainText(Node node) {
    StringBuilder text = new StringBuilder();
    node.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text t) {
            text.append(t.getLiteral());
          }

          @Override
          public void visit(Code code) {
            text.append(code.getLiteral());
          }
        });
    return text.toString();
  }

  private static int line(Node node) {
    List<SourceSpan> spans = node.getSourceSpans();
    return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
  }

  /** The file's text, or empty when it is not UTF-8 text (a binary file). */
  private Optional<String> text(String file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(root.resolve(file));
    } catch (IOException e) {
      return Optional.empty();
    }
    for (byte b : bytes) {
      if (b == 0) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** The files git would commit (tracked or new, not ignored), or every file outside a checkout. */
  private static Set<String> repositoryFiles(Path root) {
    if (Files.exists(root.resolve(".git"))) {
      Optional<Set<String>> tracked = gitLsFiles(root);
      if (tracked.isPresent()) {
        return tracked.get();
      }
    }
    try (Stream<Path> walk = Files.walk(root)) {
      Set<String> all = new TreeSet<>();
      walk.filter(Files::isRegularFile).forEach(p -> all.add(slashed(root.relativize(p))));
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<Set<String>> gitLsFiles(Path root) {
    try {
      Process git =
          new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
              .directory(root.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      byte[] out = git.getInputStream().readAllBytes();
      if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
        return Optional.empty();
      }
      Set<String> files = new TreeSet<>();
      for (String name : new String(out, StandardCharsets.UTF_8).split("\0")) {
        if (!name.isEmpty() && Files.isRegularFile(root.resolve(name))) {
          files.add(name);
        }
      }
      return Optional.of(files);
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static String slashed(Path relative) {
    return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
  }
}
