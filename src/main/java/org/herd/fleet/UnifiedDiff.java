package org.herd.fleet;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff in unified format ({@code diff -u}), for {@code herd run --diff}.
 *
 * <p>Myers' O(ND) algorithm finds a shortest edit script after the common head and tail are
 * trimmed; when the two sides differ in more than {@link #MAX_EDITS} lines it gives up looking for
 * the shortest one and shows the middle as replaced, which keeps memory bounded on huge outputs.
 * Hunks carry three lines of context and are merged when their contexts touch, as GNU diff and
 * Python's difflib (which clush uses) do.
 */
public final class UnifiedDiff {

  /** Beyond this many differing lines the middle is shown as one replacement. */
  static final int MAX_EDITS = 2000;

  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  private enum Op {
    KEEP,
    DELETE,
    INSERT
  }

  /** One edit: {@code op} applied at line {@code a} of the old side and {@code b} of the new. */
  private record Edit(Op op, int a, int b) {}

  /**
   * The unified diff from {@code before} to {@code after}, one string per output line, or an empty
   * list when they are equal.
   */
  public static List<String> diff(
      String beforeName, List<String> before, String afterName, List<String> after) {
    List<Edit> edits = edits(before, after);
    if (edits.stream().allMatch(edit -> edit.op() == Op.KEEP)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    out.add("--- " + beforeName);
    out.add("+++ " + afterName);
    int i = 0;
    while (i < edits.size()) {
      if (edits.get(i).op() == Op.KEEP) {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      // Extend the hunk while at most two contexts of unchanged lines separate the next change.
      int lastChange = i;
      for (int j = i; j < edits.size(); j++) {
        if (edits.get(j).op() != Op.KEEP) {
          if (j - lastChange > 2 * CONTEXT + 1) {
            break;
          }
          lastChange = j;
        }
      }
      int end = Math.min(edits.size(), lastChange + 1 + CONTEXT);
      hunk(edits.subList(start, end), before, after, out);
      i = end;
    }
    return out;
  }

  private static void hunk(
      List<Edit> hunk, List<String> before, List<String> after, List<String> out) {
    int aStart = hunk.get(0).a();
    int bStart = hunk.get(0).b();
    int aLength = 0;
    int bLength = 0;
    for (Edit edit : hunk) {
      if (edit.op() != Op.INSERT) {
        aLength++;
      }
      if (edit.op() != Op.DELETE) {
        bLength++;
      }
    }
    out.add("@@ -" + range(aStart, aLength) + " +" + range(bStart, bLength) + " @@");
    for (Edit edit : hunk) {
      switch (edit.op()) {
        case KEEP -> out.add(" " + before.get(edit.a()));
        case DELETE -> out.add("-" + before.get(edit.a()));
        case INSERT -> out.add("+" + after.get(edit.b()));
      }
    }
  }

  /** A hunk range as diff writes it: 1-based start, length omitted when it is 1. */
  private static String range(int start, int length) {
    if (length == 1) {
      return Integer.toString(start + 1);
    }
    return (length == 0 ? start : start + 1) + "," + length;
  }

  private static List<Edit> edits(List<String> a, List<String> b) {
    int head = 0;
    while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
      head++;
    }
    int tail = 0;
    while (tail < a.size() - head
        && tail < b.size() - head
        && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
      tail++;
    }
    List<Edit> edits = new ArrayList<>();
    for (int k = 0; k < head; k++) {
      edits.add(new Edit(Op.KEEP, k, k));
    }
    List<String> midA = a.subList(head, a.size() - tail);
    List<String> midB = b.subList(head, b.size() - tail);
    List<Edit> middle = myers(midA, midB);
    if (middle == null) {
      middle = new ArrayList<>();
      for (int k = 0; k < midA.size(); k++) {
        middle.add(new Edit(Op.DELETE, k, 0));
      }
      for (int k = 0; k < midB.size(); k++) {
        middle.add(new Edit(Op.INSERT, midA.size(), k));
      }
    }
    for (Edit edit : middle) {
      edits.add(new Edit(edit.op(), edit.a() + head, edit.b() + head));
    }
    for (int k = 0; k < tail; k++) {
      edits.add(new Edit(Op.KEEP, a.size() - tail + k, b.size() - tail + k));
    }
    return edits;
  }

  /** Myers' shortest edit script, or null when it needs more than {@link #MAX_EDITS} edits. */
  private static List<Edit> myers(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int max = Math.min(n + m, MAX_EDITS);
    int offset = max + 1;
    int[] v = new int[2 * max + 3];
    List<int[]> trace = new ArrayList<>();
    for (int d = 0; d <= max; d++) {
      trace.add(v.clone());
      for (int k = -d; k <= d; k += 2) {
        int x;
        if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
          x = v[offset + k + 1];
        } else {
          x = v[offset + k - 1] + 1;
        }
        int y = x - k;
        while (x < n && y < m && a.get(x).equals(b.get(y))) {
          x++;
          y++;
        }
        v[offset + k] = x;
        if (x >= n && y >= m) {
          return backtrack(trace, offset, n, m);
        }
      }
    }
    return null;
  }

  private static List<Edit> backtrack(List<int[]> trace, int offset, int n, int m) {
    List<Edit> reversed = new ArrayList<>();
    int x = n;
    int y = m;
    for (int d = trace.size() - 1; d >= 0; d--) {
      int[] v = trace.get(d);
      int k = x - y;
      int prevK;
      if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
        prevK = k + 1;
      } else {
        prevK = k - 1;
      }
      int prevX = d == 0 ? 0 : v[offset + prevK];
      int prevY = d == 0 ? 0 : prevX - prevK;
      while (x > prevX && y > prevY) {
        x--;
        y--;
        reversed.add(new Edit(Op.KEEP, x, y));
      }
      if (d > 0) {
        if (x == prevX) {
          y--;
          reversed.add(new Edit(Op.INSERT, x, y));
        } else {
          x--;
          reversed.add(new Edit(Op.DELETE, x, y));
        }
      }
    }
    List<Edit> edits = new ArrayList<>(reversed.size());
    for (int i = reversed.size() - 1; i >= 0; i--) {
      edits.add(reversed.get(i));
    }
    return edits;
  }
}
