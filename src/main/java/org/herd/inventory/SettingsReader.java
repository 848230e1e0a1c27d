package org.herd.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.herd.text.DidYouMean;
import org.herd.text.PortNumber;
import org.herd.text.SshArguments;
import org.herd.text.TextFile;

/**
 * Reads the connection keys ({@code address}, {@code user}, {@code port}, {@code transport}, {@code
 * become}, {@code ssh_config}, {@code identity_file}, {@code ssh_options}) of a herd YAML mapping:
 * the defaults, a group or a host.
 */
final class SettingsReader {

  /** The connection keys, in the order the documentation lists them. */
  static final List<String> KEYS =
      List.of(
          "address",
          "user",
          "port",
          "transport",
          "become",
          "ssh_config",
          "identity_file",
          "ssh_options");

  private final Problems problems;
  private final YamlFields fields;

  SettingsReader(Problems problems) {
    this.problems = problems;
    this.fields = new YamlFields(problems);
  }

  /** The connection settings among the entries of {@code mapping}; other keys are ignored. */
  ConnectionSettings read(YamlNode.Mapping mapping) {
    return new ConnectionSettings(
        word(mapping, "address"),
        word(mapping, "user"),
        port(mapping),
        choice(mapping, "transport", Transport::fromKey, Transport.keys()),
        become(mapping),
        path(mapping, "ssh_config"),
        path(mapping, "identity_file"),
        value(mapping, "ssh_options").map(this::sshOptions).orElse(null));
  }

  /** A list of OpenSSH options, each {@code Key=Value} or {@code Key Value}, as ssh -o takes. */
  private List<String> sshOptions(YamlNode node) {
    if (!(node instanceof YamlNode.Sequence sequence)) {
      problems.add(
          node.position(),
          "`ssh_options` must be a list of ssh options such as `- ProxyJump=bastion`, not "
              + shown(node));
      return null;
    }
    List<String> options = new ArrayList<>();
    for (YamlNode item : sequence.items()) {
      fields
          .text(item, "an ssh option")
          .ifPresent(
              text -> {
                try {
                  options.add(SshArguments.option(text));
                } catch (IllegalArgumentException e) {
                  problems.add(item.position(), e.getMessage());
                }
              });
    }
    return options;
  }

  /** A file named by {@code key}, or null; a NUL in it is a problem at its place. */
  private String path(YamlNode.Mapping mapping, String key) {
    Optional<YamlNode> node = value(mapping, key);
    Optional<String> path = node.flatMap(n -> fields.text(n, "`" + key + "`"));
    if (path.isPresent() && path.get().indexOf('\0') >= 0) {
      // No file system has such a path; Path.of would throw.
      problems.add(
          node.get().position(), "`" + key + "` has a NUL character, which no file name has");
      return null;
    }
    if (path.isPresent() && path.get().isEmpty()) {
      // Path.of("") is the working directory: it would read as "a directory, not a file".
      problems.add(node.get().position(), "`" + key + "`: " + TextFile.EMPTY_NAME);
      return null;
    }
    return path.orElse(null);
  }

  private Optional<YamlNode> value(YamlNode.Mapping mapping, String key) {
    Optional<YamlNode> node = mapping.entry(key).map(YamlNode.Entry::value);
    if (node.isPresent() && node.get() instanceof YamlNode.Scalar s && s.isNull()) {
      problems.add(s.position(), "`" + key + "` is empty; remove it or give a value");
      return Optional.empty();
    }
    return node;
  }

  private String word(YamlNode.Mapping mapping, String key) {
    Optional<String> text = value(mapping, key).flatMap(n -> fields.text(n, "`" + key + "`"));
    if (text.isPresent() && (text.get().isBlank() || text.get().matches(".*\\s.*"))) {
      problems.add(
          mapping.entry(key).orElseThrow().value().position(),
          "`" + key + "` must be one word, not `" + text.get() + "`");
      return null;
    }
    return text.orElse(null);
  }

  private Integer port(YamlNode.Mapping mapping) {
    Optional<YamlNode> node = value(mapping, "port");
    if (node.isEmpty()) {
      return null;
    }
    if (node.get() instanceof YamlNode.Scalar s && PortNumber.parse(s.text()).isPresent()) {
      return PortNumber.parse(s.text()).getAsInt();
    }
    problems.add(
        node.get().position(), "`port` must be a number from 1 to 65535, not " + shown(node.get()));
    return null;
  }

  private Become become(YamlNode.Mapping mapping) {
    Optional<YamlNode> node = value(mapping, "become");
    if (node.isPresent()
        && node.get() instanceof YamlNode.Scalar s
        && s.kind() == YamlNode.Kind.BOOLEAN) {
      // become: true / false, as Ansible users write it.
      return Boolean.TRUE.equals(s.value()) ? Become.SUDO : Become.NONE;
    }
    return choice(mapping, "become", Become::fromKey, Become.keys());
  }

  private <T> T choice(
      YamlNode.Mapping mapping,
      String key,
      Function<String, Optional<T>> lookup,
      List<String> allowed) {
    Optional<YamlNode> node = value(mapping, key);
    if (node.isEmpty()) {
      return null;
    }
    if (node.get() instanceof YamlNode.Scalar s) {
      Optional<T> value = lookup.apply(s.text());
      if (value.isPresent()) {
        return value.get();
      }
      problems.add(
          s.position(),
          "`"
              + key
              + "` must be one of "
              + String.join(", ", allowed)
              + ", not `"
              + s.text()
              + "`"
              + DidYouMean.hint(s.text(), allowed));
      return null;
    }
    problems.add(
        node.get().position(),
        "`"
            + key
            + "` must be one of "
            + String.join(", ", allowed)
            + ", not "
            + shown(node.get()));
    return null;
  }

  /** A value for a message: the scalar as written, or what kind of node it is. */
  static String shown(YamlNode node) {
    return node instanceof YamlNode.Scalar s && !s.isNull()
        ? "`" + s.text() + "`"
        : node.describe();
  }
}
