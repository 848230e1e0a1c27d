package org.herd.fleet;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.herd.nodeset.NodeSet;

/**
 * Groups the output of many hosts as {@code clush -b} does: hosts whose output is identical and
 * whose exit code is the same share one block, headed by their folded node set.
 *
 * <p>The order of the blocks is ClusterShell's: by exit code ascending, then the largest group
 * first, then by the name of each group's first host (compared as a string, so {@code n10} comes
 * before {@code n2}, exactly as clush prints them). Hosts that printed nothing have no block. Hosts
 * that did not complete (timeout, interrupted) keep their partial output under exit code 255, after
 * real exit codes 255.
 */
public final class Gathering {

  private Gathering() {}

  /** What makes two hosts share a block: the visible bytes, whichever stream they came from. */
  private record Key(int exitCode, String kind, List<ByteBuffer> content) {}

  private record Block(List<OutputLine> lines, List<String> hosts) {}

  /**
   * The blocks to print.
   *
   * @param results one result per host, in any order
   * @param withStderr whether stderr lines are part of the output ({@code -B})
   * @param keepEmpty whether hosts without output get a block too ({@code --diff} needs them)
   */
  public static List<OutputGroup> gather(
      Collection<HostResult> results, boolean withStderr, boolean keepEmpty) {
    Map<Key, Block> groups = new LinkedHashMap<>();
    for (HostResult result : results) {
      List<OutputLine> lines = result.shown(withStderr);
      if (lines.isEmpty() && !keepEmpty) {
        continue;
      }
      List<ByteBuffer> content = lines.stream().map(line -> ByteBuffer.wrap(line.bytes())).toList();
      Key key = new Key(result.outcome().exitCode(), gatherKind(result.outcome()), content);
      groups
          .computeIfAbsent(key, k -> new Block(lines, new ArrayList<>()))
          .hosts()
          .add(result.host());
    }
    List<OutputGroup> blocks = new ArrayList<>();
    groups.forEach(
        (key, block) -> {
          NodeSet nodes = NodeSet.of(block.hosts());
          blocks.add(
              new OutputGroup(
                  nodes.expand(), nodes.fold(), key.exitCode(), key.kind(), block.lines()));
        });
    blocks.sort(CLUSH_ORDER);
    return blocks;
  }

  /** Completed hosts group by exit code alone; the others also by what stopped them. */
  private static String gatherKind(HostOutcome outcome) {
    return outcome.completed() ? "" : outcome.kind();
  }

  static final Comparator<OutputGroup> CLUSH_ORDER =
      Comparator.comparingInt(OutputGroup::exitCode)
          .thenComparing(OutputGroup::outcomeKind)
          .thenComparing(group -> -group.hosts().size())
          .thenComparing(group -> group.hosts().get(0));

  /**
   * Results sorted for line mode ({@code -L}): by exit code, then by host in node-set order, as
   * {@code clush -L} prints them.
   */
  public static List<HostResult> byExitCodeThenHost(Collection<HostResult> results) {
    List<String> order = NodeSet.of(results.stream().map(HostResult::host).toList()).expand();
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      position.put(order.get(i), i);
    }
    List<HostResult> sorted = new ArrayList<>(results);
    sorted.sort(
        Comparator.comparingInt((HostResult r) -> r.outcome().exitCode())
            .thenComparing(r -> position.get(r.host())));
    return sorted;
  }
}
