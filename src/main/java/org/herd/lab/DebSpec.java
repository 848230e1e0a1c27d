package org.herd.lab;

import java.util.List;
import java.util.Map;

/**
 * A package the lab builds itself, described as data: its control fields, files, maintainer scripts
 * and conffiles. {@link DebBuilder} turns it into a .deb.
 *
 * @param name the package name
 * @param version the version
 * @param architecture {@code all} or the machine's architecture
 * @param fields further control fields (Depends, Section, Description…), in order
 * @param files the files it ships
 * @param scripts maintainer scripts by name ({@code postinst}, {@code prerm}…)
 * @param conffiles absolute paths of the files that are conffiles
 */
public record DebSpec(
    String name,
    String version,
    String architecture,
    Map<String, String> fields,
    List<File> files,
    Map<String, String> scripts,
    List<String> conffiles) {

  /** Copies the collections. */
  public DebSpec {
    fields = Map.copyOf(fields);
    files = List.copyOf(files);
    scripts = Map.copyOf(scripts);
    conffiles = List.copyOf(conffiles);
  }

  /**
   * One file of a package.
   *
   * @param path its absolute path on the host
   * @param content its bytes
   * @param mode its permission bits
   */
  public record File(String path, byte[] content, int mode) {

    /** A text file with mode 644. */
    public static File text(String path, String content) {
      return new File(path, content.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0644);
    }

    /** A script with mode 755. */
    public static File script(String path, String content) {
      return new File(path, content.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0755);
    }
  }
}
