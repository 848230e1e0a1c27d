package org.herd.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.herd.text.PortNumber;
import org.herd.text.SshArguments;

/**
 * Turns Ansible's connection variables into herd's connection settings: {@code ansible_host},
 * {@code ansible_port}, {@code ansible_user} (and their old {@code ansible_ssh_*} names), {@code
 * ansible_connection} (ssh, paramiko, local), {@code ansible_become}, {@code
 * ansible_private_key_file} ({@code identity_file}) and the ssh arguments of {@code
 * ansible_ssh_args}, {@code ansible_ssh_common_args} and {@code ansible_ssh_extra_args} ({@link
 * SshArguments}: options become {@code ssh_options}, {@code -i -p -l -F} the identity file, port,
 * user and ssh_config; the variables win over those arguments, as they do for common and extra
 * arguments in Ansible). What herd cannot honour is refused rather than dropped: a password
 * variable (it would be shown by {@code inventory show} and copied by {@code inventory import}), an
 * {@code ansible_become_user} other than root, an ssh argument herd does not understand. Every
 * other variable is kept as a free-form variable.
 */
final class AnsibleVars {

  /**
   * One variable as written.
   *
   * @param name the variable name
   * @param value its value: a string, number, boolean, list or map
   * @param position where the variable was written
   */
  record Var(String name, Object value, Position position) {}

  /** Connection settings and the remaining variables. */
  record Split(ConnectionSettings settings, Map<String, Object> vars) {}

  private AnsibleVars() {}

  static Split split(List<Var> vars, Problems problems) {
    String address = null;
    String user = null;
    Integer port = null;
    Transport transport = null;
    Become become = null;
    Var becomeMethod = null;
    String identityFile = null;
    Map<String, SshArguments> sshArgs = new TreeMap<>(Comparator.comparing(ARGS_ORDER::indexOf));
    Map<String, Object> rest = new LinkedHashMap<>();
    for (Var var : vars) {
      String text = text(var);
      switch (var.name()) {
        case "ansible_host", "ansible_ssh_host" -> address = text;
        case "ansible_user", "ansible_ssh_user" -> user = text;
        case "ansible_port", "ansible_ssh_port" -> port = port(var, text, problems);
        case "ansible_connection" -> transport = transport(var, text, problems);
        case "ansible_become" -> become = truth(text) ? Become.SUDO : Become.NONE;
        case "ansible_become_method" -> becomeMethod = var;
        case "ansible_become_user", "ansible_sudo_user" -> becomeUser(var, text, problems);
        case "ansible_private_key_file", "ansible_ssh_private_key_file" ->
            // Empty is no key file to Ansible (ssh gets no -i); Path.of("") would be a directory.
            identityFile = text.isEmpty() ? null : text;
        case "ansible_ssh_args", "ansible_ssh_common_args", "ansible_ssh_extra_args" -> {
          try {
            sshArgs.put(var.name(), SshArguments.parse(text));
          } catch (IllegalArgumentException e) {
            problems.add(var.position(), var.name() + ": " + e.getMessage());
          }
        }
        case "ansible_password",
            "ansible_ssh_pass",
            "ansible_ssh_password",
            "ansible_become_password",
            "ansible_become_pass",
            "ansible_sudo_pass",
            "ansible_sudo_password" ->
            problems.add(
                var.position(),
                var.name()
                    + ": herd takes no password from an inventory (it would be shown and"
                    + " copied); remove it: herd logs in with SSH keys or an agent, and asks for"
                    + " the sudo password with --ask-become-pass");
        default -> rest.put(var.name(), var.value());
      }
    }
    String method = becomeMethod == null ? "" : text(becomeMethod);
    // Empty (or YAML's null) is Ansible's default, sudo.
    if (!method.isEmpty() && !method.equals("sudo") && become != Become.NONE) {
      problems.add(
          becomeMethod.position(),
          "ansible_become_method="
              + method
              + " is not supported: herd becomes root with sudo only");
    }
    List<String> sshOptions = new ArrayList<>();
    String sshConfig = null;
    for (SshArguments args : sshArgs.values()) {
      sshOptions.addAll(args.options());
      identityFile = first(identityFile, args.identityFile());
      port = first(port, args.port());
      user = first(user, args.user());
      sshConfig = first(sshConfig, args.sshConfig());
    }
    return new Split(
        new ConnectionSettings(
            address,
            user,
            port,
            transport,
            become,
            sshConfig,
            identityFile,
            sshOptions.isEmpty() ? null : sshOptions),
        rest);
  }

  /** The order in which Ansible's ssh connection passes the argument variables to ssh. */
  private static final List<String> ARGS_ORDER =
      List.of("ansible_ssh_args", "ansible_ssh_common_args", "ansible_ssh_extra_args");

  private static <T> T first(T given, T fallback) {
    return given != null ? given : fallback;
  }

  /** The value as text, stripped; empty for YAML's null. */
  private static String text(Var var) {
    return var.value() == null ? "" : String.valueOf(var.value()).strip();
  }

  private static void becomeUser(Var var, String text, Problems problems) {
    if (!text.equals("root")) {
      problems.add(
          var.position(),
          var.name()
              + "="
              + text
              + " cannot be honoured: herd becomes root (apt and dpkg need it); remove it or set"
              + " root");
    }
  }

  private static Integer port(Var var, String text, Problems problems) {
    OptionalInt port = PortNumber.parse(text);
    if (port.isPresent()) {
      return port.getAsInt();
    }
    problems.add(
        var.position(), var.name() + " must be a port from 1 to 65535, not `" + text + "`");
    return null;
  }

  private static Transport transport(Var var, String text, Problems problems) {
    switch (text) {
      case "local":
        return Transport.LOCAL;
      case "paramiko":
        return Transport.SSH;
      case "ssh":
      case "smart":
        // Ansible's ssh connection is the OpenSSH binary; herd's own SSH is the better default
        // and reads the same keys and ~/.ssh/config, so leave the transport to the defaults.
        return null;
      default:
        problems.add(
            var.position(),
            "ansible_connection="
                + text
                + " is not supported by herd (ssh, paramiko and local are)");
        return null;
    }
  }

  private static boolean truth(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1", "y", "t" -> true;
      default -> false;
    };
  }
}
