package org.herd.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Step actions for tests of the executor: every step succeeds unless a result is scripted for it,
 * every call is recorded, and a "crash" can be scripted at the n-th call: from then on every call
 * throws {@link Crash}, as if herd had died at that point (nothing more is journaled).
 */
final class ScriptedActions implements StepActions {

  /** A call the executor made. */
  record Call(String host, UpgradeStep step, Attempt attempt) {}

  /** Thrown to stand for herd dying; an Error, so that nothing in the executor catches it. */
  static final class Crash extends Error {
    Crash() {
      super("herd was killed here", null, false, false);
    }
  }

  private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

  /** The hosts a resumed run said have their guard in place. */
  final List<String> guardsInPlace = Collections.synchronizedList(new ArrayList<>());

  private final Map<String, StepResult> scripted = new HashMap<>();
  private final Map<String, Consumer<Call>> hooks = new HashMap<>();
  private int crashAtCall = -1;
  private boolean dead;

  ScriptedActions result(String host, UpgradeStep step, StepResult result) {
    scripted.put(host + "/" + step, result);
    return this;
  }

  ScriptedActions onCall(String host, UpgradeStep step, Consumer<Call> hook) {
    hooks.put(host + "/" + step, hook);
    return this;
  }

  /** Crashes at the n-th call (1-based), before that step does anything. */
  ScriptedActions crashAt(int call) {
    this.crashAtCall = call;
    return this;
  }

  List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  @Override
  public void guardInPlace(String host) {
    guardsInPlace.add(host);
  }

  @Override
  public StepResult run(String host, UpgradeStep step, Attempt attempt, int number) {
    Call call = new Call(host, step, attempt);
    synchronized (this) {
      if (dead || calls.size() + 1 == crashAtCall) {
        dead = true;
        throw new Crash();
      }
      calls.add(call);
    }
    hooks.getOrDefault(host + "/" + step, c -> {}).accept(call);
    return scripted.getOrDefault(host + "/" + step, new StepResult.Done(true, step + " done"));
  }
}
