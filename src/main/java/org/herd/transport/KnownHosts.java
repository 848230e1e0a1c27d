package org.herd.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OpenSSH known_hosts files: lookup of a host's recorded keys (plain, wildcard and hashed entries,
 * {@code @revoked} markers) and recording of new ones.
 *
 * <p>Parsed files are cached by path, size and modification time, so a fan-out to a thousand hosts
 * reads each file once. Keys are compared as their type and base64 blob, so entries of key types
 * this JVM cannot decode never break a lookup.
 */
final class KnownHosts {

  /** One key line of a known_hosts file. */
  record Entry(Path file, int line, String marker, String hosts, String keyType, String keyBlob) {

    /** Whether the host field matches {@code name} (already in {@code [host]:port} form). */
    boolean matches(String name) {
      if (hosts.startsWith("|1|")) {
        return hashedMatches(hosts, name);
      }
      return HostPattern.matchesList(Arrays.asList(hosts.split(",")), name);
    }
  }

  /** What known_hosts says about an offered key. */
  sealed interface Verdict {
    /** The key is recorded for this host. */
    record Known(Entry entry) implements Verdict {}

    /** Nothing is recorded for this host. */
    record Unknown() implements Verdict {}

    /** Other keys are recorded for this host: the key changed (or a key type was swapped). */
    record Changed(Entry recorded) implements Verdict {}

    /** The key is marked {@code @revoked}. */
    record Revoked(Entry entry) implements Verdict {}
  }

  private record Parsed(long size, FileTime modified, List<Entry> entries) {}

  private final Map<Path, Parsed> cache = new ConcurrentHashMap<>();

  /** The {@code host} or {@code [host]:port} form OpenSSH uses in known_hosts. */
  static String hostForm(String host, int port) {
    return port == 22 ? host : "[" + host + "]:" + port;
  }

  /**
   * Checks an offered key against the files.
   *
   * @param files the files to read, in order; missing files are skipped
   * @param host the host name (or HostKeyAlias)
   * @param port the port
   * @param keyType the offered key's type ({@code ssh-ed25519})
   * @param keyBlob the offered key's base64 blob
   */
  Verdict check(List<Path> files, String host, int port, String keyType, String keyBlob)
      throws IOException {
    String name = hostForm(host, port);
    Entry sameType = null;
    Entry otherType = null;
    Entry known = null;
    for (Path file : files) {
      for (Entry entry : entries(file)) {
        if (!entry.matches(name) || "@cert-authority".equals(entry.marker())) {
          continue;
        }
        boolean same = entry.keyType().equals(keyType) && entry.keyBlob().equals(keyBlob);
        if ("@revoked".equals(entry.marker())) {
          if (same) {
            return new Verdict.Revoked(entry);
          }
          continue;
        }
        if (same) {
          known = known == null ? entry : known;
        } else if (sameFamily(entry.keyType(), keyType)) {
          sameType = sameType == null ? entry : sameType;
        } else {
          otherType = otherType == null ? entry : otherType;
        }
      }
    }
    if (known != null) {
      return new Verdict.Known(known);
    }
    if (sameType != null) {
      return new Verdict.Changed(sameType);
    }
    if (otherType != null) {
      return new Verdict.Changed(otherType);
    }
    return new Verdict.Unknown();
  }

  /** Key algorithms herd offers first to a host, so it presents a key type that is recorded. */
  List<String> recordedKeyTypes(List<Path> files, String host, int port) throws IOException {
    String name = hostForm(host, port);
    List<String> types = new ArrayList<>();
    for (Path file : files) {
      for (Entry entry : entries(file)) {
        if (entry.marker() == null && entry.matches(name) && !types.contains(entry.keyType())) {
          types.add(entry.keyType());
        }
      }
    }
    return types;
  }

  /**
   * Appends a key for a host to {@code file}, creating it (and its directory, private) if needed.
   *
   * @param hash write the host name hashed, as {@code HashKnownHosts yes} does
   */
  synchronized void record(
      Path file, String host, int port, String keyType, String keyBlob, boolean hash)
      throws IOException {
    String name = hostForm(host, port);
    for (Entry entry : entries(file)) {
      if (entry.marker() == null
          && entry.keyType().equals(keyType)
          && entry.keyBlob().equals(keyBlob)
          && entry.matches(name)) {
        return; // another connection to the same host recorded it first
      }
    }
    String hosts = hash ? hashHost(name) : name;
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      Files.createDirectories(dir);
    }
    String prefix = "";
    if (Files.exists(file) && Files.size(file) > 0) {
      byte[] content = Files.readAllBytes(file);
      if (content[content.length - 1] != '\n') {
        prefix = "\n";
      }
    }
    Files.writeString(
        file,
        prefix + hosts + " " + keyType + " " + keyBlob + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    cache.remove(file);
  }

  private List<Entry> entries(Path file) throws IOException {
    long size;
    FileTime modified;
    try {
      size = Files.size(file);
      modified = Files.getLastModifiedTime(file);
    } catch (NoSuchFileException missing) {
      return List.of();
    }
    Parsed parsed = cache.get(file);
    if (parsed != null && parsed.size() == size && parsed.modified().equals(modified)) {
      return parsed.entries();
    }
    List<Entry> entries = parse(file, Files.readAllLines(file, StandardCharsets.UTF_8));
    cache.put(file, new Parsed(size, modified, entries));
    return entries;
  }

  /** Parses known_hosts lines; lines that are not key entries are skipped. */
  static List<Entry> parse(Path file, List<String> lines) {
    List<Entry> entries = new ArrayList<>();
    for (int number = 1; number <= lines.size(); number++) {
      String line = lines.get(number - 1).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\\s+");
      int at = 0;
      String marker = null;
      if (fields[0].startsWith("@")) {
        marker = fields[0];
        at = 1;
      }
      if (fields.length < at + 3) {
        continue;
      }
      entries.add(new Entry(file, number, marker, fields[at], fields[at + 1], fields[at + 2]));
    }
    return entries;
  }

  /** Whether two key types are the same kind of key (all RSA signature names are one). */
  private static boolean sameFamily(String a, String b) {
    return family(a).equals(family(b));
  }

  private static String family(String type) {
    if (type.equals("ssh-rsa") || type.startsWith("rsa-sha2-")) {
      return "rsa";
    }
    return type;
  }

  private static boolean hashedMatches(String field, String name) {
    String[] parts = field.split("\\|");
    if (parts.length != 4) {
      return false;
    }
    try {
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      return MessageDigest.isEqual(hmac(salt, name), expected);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return false;
    }
  }

  private static String hashHost(String name) throws IOException {
    byte[] salt = new byte[20];
    new SecureRandom().nextBytes(salt);
    try {
      Base64.Encoder base64 = Base64.getEncoder();
      return "|1|" + base64.encodeToString(salt) + "|" + base64.encodeToString(hmac(salt, name));
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot hash the host name: " + e, e);
    }
  }

  private static byte[] hmac(byte[] salt, String name) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(salt, "HmacSHA1"));
    return mac.doFinal(name.getBytes(StandardCharsets.UTF_8));
  }
}
