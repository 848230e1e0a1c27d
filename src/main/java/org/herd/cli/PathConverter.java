package org.herd.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.herd.text.TextFile;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads every file or directory named on the command line: registered once on the root command for
 * the options and parameters of type {@link Path}, and named by those kept as text ({@link Name}).
 * An empty name is refused here, where it is still the operator's text: once a path, {@code
 * Path.of("")} is the working directory, and a command reading it would say "a directory, not a
 * file". picocli names the option in the message (exit 2).
 */
final class PathConverter implements ITypeConverter<Path> {

  @Override
  public Path convert(String value) {
    String name = new Name().convert(value);
    try {
      return Path.of(name);
    } catch (InvalidPathException e) {
      // Only a NUL makes a Unix path invalid; no command line can hold one, an API call can.
      throw new TypeConversionException("'" + value + "' is not a file name (it has a NUL)");
    }
  }

  /** A file name kept as text (a remote path, or one shown as typed): refused when empty. */
  static final class Name implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (value.isEmpty()) {
        throw new TypeConversionException(TextFile.EMPTY_NAME);
      }
      return value;
    }
  }
}
