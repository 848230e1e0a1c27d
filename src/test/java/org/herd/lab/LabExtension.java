package org.herd.lab;

import java.lang.reflect.AnnotatedElement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.herd.Prerequisites;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives integration tests a lab: {@code @ExtendWith(LabExtension.class)}, then take a {@link
 * TestLab} parameter. The lab is brought up once per test run, on first use, shared by every test
 * class, and brought down when the run ends (it is kept in the root store as a closeable resource).
 * {@link PristineHosts} resets hosts before a test that needs them untouched.
 *
 * <p>Where the lab cannot run (not root, no systemd-nspawn or debootstrap), the tests are skipped
 * with the reason, or fail under CI ({@link Prerequisites}). Set {@code -Dherd.lab.hosts=N} for a
 * bigger lab (default 3).
 */
public final class LabExtension
    implements ExecutionCondition, ParameterResolver, BeforeEachCallback {

  /**
   * The shared lab's name: {@code it} and this JVM's pid, so that test runs side by side (and the
   * user's own {@code lab}) never touch each other's lab.
   */
  public static final String NAME = runName("it");

  private static final Namespace NAMESPACE = Namespace.create(LabExtension.class);

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<String> why = MachineCheck.whyNot();
    if (why.isPresent() && Prerequisites.underCi()) {
      return ConditionEvaluationResult.enabled("under CI: the test fails for want of the lab");
    }
    return why.map(
            reason -> ConditionEvaluationResult.disabled("no lab on this machine: " + reason))
        .orElseGet(() -> ConditionEvaluationResult.enabled("the lab can run here"));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestLab.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return shared(context).lab();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    MachineCheck.whyNot()
        .ifPresent(reason -> Prerequisites.require(false, "no lab on this machine: " + reason));
    Optional<PristineHosts> pristine =
        findPristine(context.getRequiredTestMethod())
            .or(() -> findPristine(context.getRequiredTestClass()));
    if (pristine.isEmpty()) {
      return;
    }
    TestLab lab = shared(context).lab();
    List<String> names = new ArrayList<>();
    int[] indexes = pristine.get().value();
    if (indexes.length == 0) {
      lab.hosts().forEach(h -> names.add(h.name()));
    } else {
      for (int index : indexes) {
        names.add(lab.host(index).name());
      }
    }
    lab.lab().reset(lab.name(), names);
  }

  private static Optional<PristineHosts> findPristine(AnnotatedElement element) {
    return AnnotationSupport.findAnnotation(element, PristineHosts.class);
  }

  private static SharedLab shared(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(SharedLab.class, key -> SharedLab.start(), SharedLab.class);
  }

  /** {@code prefix} and this JVM's pid in base 36: a lab name unique to this test run. */
  static String runName(String prefix) {
    // The 0 sets these names apart from names a person would choose ("itlab" is not one).
    return prefix + "0" + Long.toString(ProcessHandle.current().pid(), 36);
  }

  /** Removes the labs of test runs that were killed: their JVM (named by the lab) is gone. */
  static void removeStaleLabs(Lab lab) {
    for (String name : lab.names()) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("(?:it|ic)0([0-9a-z]{1,5})").matcher(name);
      if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1), 36)).isEmpty()) {
        lab.down(name);
      }
    }
  }

  /** The lab of this test run; closing it (at the end of the run) brings it down. */
  static final class SharedLab implements ExtensionContext.Store.CloseableResource {

    private final TestLab lab;

    private SharedLab(TestLab lab) {
      this.lab = lab;
    }

    TestLab lab() {
      return lab;
    }

    static SharedLab start() {
      Lab lab = Lab.standard(Clock.systemUTC(), line -> System.err.println("lab: " + line));
      int hosts = Integer.getInteger("herd.lab.hosts", 3);
      removeStaleLabs(lab);
      lab.up(new LabSpec(NAME, hosts, Release.BOOKWORM), Optional.empty());
      return new SharedLab(new TestLab(lab, NAME, lab.hosts(NAME), lab.paths().lab(NAME)));
    }

    @Override
    public void close() {
      List<String> left = lab.lab().down(lab.name());
      if (!left.isEmpty()) {
        throw new IllegalStateException("lab down left: " + String.join("; ", left));
      }
    }
  }
}
