package org.herd.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.herd.debian.ConffileAction;
import org.herd.nodeset.NodeSet;
import org.herd.plan.ConffileChange;
import org.herd.plan.ConffileOutlook;
import org.herd.plan.HostPlan;
import org.herd.plan.LeftOut;
import org.herd.plan.Plan;
import org.herd.plan.PlannedInstall;
import org.herd.plan.PlannedRemoval;
import org.herd.plan.RebootDecision;
import org.herd.plan.RebootPolicy;
import org.herd.plan.Refusal;
import org.herd.plan.UnexaminedPackage;

/**
 * The readable form of a plan: hosts with identical plans (same packages, versions, basis and
 * verdict) folded into one block under their node set, biggest group first, then the hosts that
 * could not be probed. A block says whether apply will reboot its hosts under the plan's reboot
 * policy ({@code will reboot: yes (linux-image-…: kernel)}) unless the policy is {@code never} and
 * no reboot is needed, and lists the conffiles its upgrade touches.
 */
final class PlanSummary {

  private PlanSummary() {}

  static void print(CliContext context, Plan plan, Map<String, List<String>> unreachable) {
    PrintWriter out = context.out();
    Terminal terminal = context.terminal();
    Map<HostPlan, List<String>> groups = new LinkedHashMap<>();
    for (HostPlan host : plan.hosts()) {
      groups.computeIfAbsent(host.renamed(""), k -> new ArrayList<>()).add(host.host());
    }
    List<Map.Entry<HostPlan, List<String>>> blocks = new ArrayList<>(groups.entrySet());
    blocks.sort(
        Comparator.comparingInt((Map.Entry<HostPlan, List<String>> e) -> -e.getValue().size())
            .thenComparing(e -> e.getValue().get(0)));
    RebootPolicy reboot = plan.options().reboot();
    boolean first = true;
    for (Map.Entry<HostPlan, List<String>> block : blocks) {
      if (!first) {
        out.println();
      }
      first = false;
      NodeSet hosts = NodeSet.of(block.getValue());
      HostPlan p = block.getKey();
      out.println(terminal.paint("1", hosts.fold() + " (" + hosts.size() + "): " + headline(p)));
      printPackages(out, p);
      printConffiles(out, terminal, p.conffiles());
      if (!p.keptBack().isEmpty()) {
        out.println("  kept back by apt: " + String.join(" ", p.keptBack()));
      }
      if (!p.executable()) {
        for (String reason : p.reboot().reasons()) {
          out.println(terminal.paint("33", "  reboot: " + reason));
        }
      } else if (reboot != RebootPolicy.NEVER || p.reboot().required()) {
        String decision = RebootDecision.of(reboot, p.reboot()).describe();
        out.println(terminal.paint("33", "  will reboot: " + decision));
      }
      for (Refusal refusal : p.refusals()) {
        out.println(terminal.paint("31", "  refused: " + refusal.message()));
      }
    }
    if (plan.hosts().isEmpty()) {
      out.println("no host to plan");
    }
    unreachable.forEach(
        (reason, names) ->
            out.println(
                terminal.paint(
                    "31", "unreachable: " + NodeSet.of(names).fold() + " (" + reason + ")")));
  }

  private static String headline(HostPlan p) {
    if (p.isEmpty() && p.executable()) {
      return "up to date" + (p.leftOut().isEmpty() ? "" : " (" + p.leftOut().size() + " left out)");
    }
    String text =
        p.installs().size()
            + " to install ("
            + p.securityCount()
            + " security), "
            + p.removals().size()
            + " to remove, reboot "
            + (p.reboot().required() ? "needed" : "not needed");
    return p.executable() ? text : text + ", REFUSED";
  }

  private static void printPackages(PrintWriter out, HostPlan p) {
    List<String[]> rows = new ArrayList<>();
    for (PlannedInstall i : p.installs()) {
      String versions =
          i.installed() == null ? "" + i.version() : i.installed() + " -> " + i.version();
      String services =
          p.servicesKnown() ? String.join(",", i.serviceUnits()) : "(services not known)";
      rows.add(
          new String[] {
            i.action().name().toLowerCase(java.util.Locale.ROOT),
            i.pkg().toString(),
            versions,
            i.classification().name().toLowerCase(java.util.Locale.ROOT),
            services
          });
    }
    for (PlannedRemoval r : p.removals()) {
      rows.add(
          new String[] {
            r.purge() ? "purge" : "remove",
            r.pkg().toString(),
            r.installed() == null ? "" : r.installed().toString(),
            "",
            ""
          });
    }
    for (LeftOut l : p.leftOut()) {
      rows.add(new String[] {"left out", l.pkg().toString(), l.version().toString(), why(l), ""});
    }
    int[] widths = new int[5];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(" ");
      for (int c = 0; c < row.length; c++) {
        line.append(' ').append(c == row.length - 1 ? row[c] : pad(row[c], widths[c]));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  /**
   * One line per conffile the upgrade touches, conflicts in yellow, then what herd could not
   * compare. Nothing when no conffile changes.
   */
  private static void printConffiles(PrintWriter out, Terminal terminal, ConffileOutlook c) {
    if (c.unknown() != null) {
      out.println("  conffiles: unknown (" + c.unknown() + ")");
      return;
    }
    int width = c.changes().stream().mapToInt(x -> x.path().length()).max().orElse(0);
    for (ConffileChange change : c.changes()) {
      String line =
          "  conffile  "
              + pad(verb(change.action()), 9)
              + " "
              + pad(change.path(), width)
              + "  "
              + change.pkg()
              + detail(change, c.dpkgOptions());
      out.println(change.action().isConflict() ? terminal.paint("33", line) : line);
    }
    for (UnexaminedPackage u : c.unexamined()) {
      out.println("  conffiles of " + u.pkg() + ": unknown (" + u.reason() + ")");
    }
  }

  private static String verb(ConffileAction action) {
    return switch (action) {
      case INSTALL_NEW -> "changes";
      case KEEP_LOCAL -> "kept";
      case REPLACE_LOCAL -> "replaced";
      case PROMPT -> "asks";
      case NEW -> "new";
      case OBSOLETE -> "obsolete";
      case REMOVED -> "removed";
      case UNCHANGED -> "unchanged";
    };
  }

  private static String detail(ConffileChange change, List<String> options) {
    String by = options.isEmpty() ? "no --force-conf option" : String.join(" ", options);
    return switch (change.action()) {
      case KEEP_LOCAL ->
          ": modified here; the new version goes to " + change.leftBehind() + " (" + by + ")";
      case REPLACE_LOCAL ->
          ": modified here; replaced"
              + (change.leftBehind() == null
                  ? ""
                  : ", the local one saved as " + change.leftBehind())
              + " ("
              + by
              + ")";
      case PROMPT -> ": modified here; dpkg will stop to ask (" + by + ")";
      case OBSOLETE -> ": no longer shipped, left in place";
      case REMOVED ->
          change.leftBehind() == null ? "" : ": modified here, saved as " + change.leftBehind();
      default -> "";
    };
  }

  private static String why(LeftOut l) {
    return switch (l.reason()) {
      case EXCLUDED -> "--exclude";
      case NOT_SELECTED -> "not in --only";
      case NOT_SECURITY -> "not security";
    };
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }
}
