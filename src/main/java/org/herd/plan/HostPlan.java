package org.herd.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What {@code herd apply} will do on one host, and what it may assume about the host.
 *
 * <p>A host plan is executable when it carries no {@link Refusal}: apply installs exactly {@link
 * #installs} (each as {@code package=version}) and removes exactly {@link #removals}, after
 * checking with {@link DriftCheck} that the host still has the installed versions of {@link
 * #basis}. A refused host plan is kept, so the operator sees why the host will not be touched.
 *
 * @param host the host's name
 * @param installs the packages to install at an exact version (upgrades, downgrades and new
 *     dependencies), sorted by package
 * @param removals the packages the upgrade removes, sorted by package
 * @param leftOut what {@code apt-get dist-upgrade} would also install but the options left out,
 *     sorted by package
 * @param keptBack packages apt itself keeps back (held, or needing removals), for information
 * @param reboot whether the installs need a reboot to take effect, and why
 * @param basis the installed state the plan was made from
 * @param refusals why the host must not be executed, sorted by kind and message; empty when it may
 *     be
 * @param servicesKnown whether {@link PlannedInstall#serviceUnits} were read from the host (when
 *     false, every package's unit list is empty because herd does not know, not because there are
 *     none)
 * @param conffiles what the upgrade does to the host's conffiles (see {@link ConffileOutlook})
 */
@JsonIgnoreProperties(value = "executable", allowGetters = true)
public record HostPlan(
    String host,
    List<PlannedInstall> installs,
    List<PlannedRemoval> removals,
    List<LeftOut> leftOut,
    List<String> keptBack,
    RebootNeed reboot,
    PlanBasis basis,
    List<Refusal> refusals,
    boolean servicesKnown,
    ConffileOutlook conffiles) {

  /** Sorts and copies the lists. */
  public HostPlan {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(reboot, "reboot");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(conffiles, "conffiles");
    installs = installs.stream().sorted(Comparator.comparing(i -> i.pkg().toString())).toList();
    removals = removals.stream().sorted(Comparator.comparing(r -> r.pkg().toString())).toList();
    leftOut = leftOut.stream().sorted(Comparator.comparing(l -> l.pkg().toString())).toList();
    keptBack = keptBack.stream().sorted().toList();
    refusals =
        refusals.stream()
            .sorted(Comparator.comparing(Refusal::kind).thenComparing(Refusal::message))
            .toList();
  }

  /**
   * A host plan whose conffiles were not examined: {@link ConffileOutlook#none()} when it installs
   * nothing, else {@link ConffileOutlook#unknown} ("not examined").
   */
  public HostPlan(
      String host,
      List<PlannedInstall> installs,
      List<PlannedRemoval> removals,
      List<LeftOut> leftOut,
      List<String> keptBack,
      RebootNeed reboot,
      PlanBasis basis,
      List<Refusal> refusals,
      boolean servicesKnown) {
    this(
        host,
        installs,
        removals,
        leftOut,
        keptBack,
        reboot,
        basis,
        refusals,
        servicesKnown,
        installs.isEmpty() ? ConffileOutlook.none() : ConffileOutlook.unknown("not examined"));
  }

  /** Whether {@code herd apply} may execute this host plan: it has no refusal. */
  @JsonProperty("executable")
  public boolean executable() {
    return refusals.isEmpty();
  }

  /** Whether there is nothing to install nor remove. */
  @JsonIgnore
  public boolean isEmpty() {
    return installs.isEmpty() && removals.isEmpty();
  }

  /** The {@code package=version} arguments of the install, in package order. */
  public List<String> pins() {
    return installs.stream().map(PlannedInstall::pin).toList();
  }

  /** How many of the installs are security updates. */
  public long securityCount() {
    return installs.stream()
        .filter(i -> i.classification() == PlannedInstall.Classification.SECURITY)
        .count();
  }

  /** The same plan under another host name: plans equal under one name fold into one row. */
  public HostPlan renamed(String name) {
    return new HostPlan(
        name,
        installs,
        removals,
        leftOut,
        keptBack,
        reboot,
        basis,
        refusals,
        servicesKnown,
        conffiles);
  }
}
