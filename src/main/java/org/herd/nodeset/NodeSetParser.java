package org.herd.nodeset;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Evaluates node-set expressions as ClusterShell 1.9's {@code ParsingEngine} does: terms separated
 * by the operators {@code ,!&^}, applied from left to right; a term is text with bracketed ranges
 * ({@code rack[1-2]-n[01-10]}) or a plain name; digits just before or after brackets join the range
 * ({@code n1[0-2]} is {@code n[10-12]}, {@code n[1-2]0} is {@code n[10,20]}); whitespace around
 * terms is ignored. Terms starting with {@code @} are group references and terms with {@code *} or
 * {@code ?} are wildcards over all hosts, both answered by the {@link GroupResolver}.
 */
final class NodeSetParser {

  private static final String OPERATORS = ",!&^";

  private final GroupResolver groups;
  private final Deque<String> resolving = new ArrayDeque<>();

  NodeSetParser(GroupResolver groups) {
    this.groups = groups;
  }

  NodeSet parse(String expr) {
    return parse(expr, null, true);
  }

  /** One term: the operator before it, its pattern and indexes, and its column. */
  private record Term(Operator op, Pattern pattern, IndexSet indexes, int column, String text) {
    NodeSet nodes() {
      return new NodeSetBuilder().add(pattern, indexes).build();
    }
  }

  private NodeSet parse(String expr, String source, boolean wildcards) {
    NodeSetBuilder result = new NodeSetBuilder();
    int n = expr.length();
    while (n > 0 && RangeParser.isSpace(expr.charAt(n - 1))) {
      n--;
    }
    int pos = 0;
    Operator op = Operator.UNION;
    NextIndex opens = new NextIndex(expr, '[', n);
    NextIndex closes = new NextIndex(expr, ']', n);
    long nodes = 0;
    while (pos < n) {
      while (pos < n && RangeParser.isSpace(expr.charAt(pos))) {
        pos++;
      }
      int start = pos;
      PatternBuilder term = new PatternBuilder();
      Operator next;
      int opIndex = nextOperator(expr, pos, n);
      int bracket = opens.next(pos);
      if (bracket >= 0 && (opIndex < 0 || opIndex > bracket)) {
        int cur = pos;
        while (bracket >= 0 && (opIndex < 0 || opIndex > bracket)) {
          cur = bracketed(expr, n, cur, bracket, term, opens, closes);
          bracket = opens.next(cur);
          opIndex = nextOperator(expr, cur, n);
        }
        int end = opIndex < 0 ? n : opIndex;
        int tail = end;
        while (tail > cur && RangeParser.isSpace(expr.charAt(tail - 1))) {
          tail--;
        }
        text(expr, cur, tail, term);
      } else {
        int end = opIndex < 0 ? n : opIndex;
        if (opIndex == start) {
          throw missingOperand(expr, opIndex);
        }
        int close = indexOf(expr, ']', start, end);
        if (close >= 0) {
          throw NodeSetException.at(
              "unexpected ']'", expr.substring(start, end), close + 1, "no '[' opens it");
        }
        int tail = end;
        while (tail > start && RangeParser.isSpace(expr.charAt(tail - 1))) {
          tail--;
        }
        text(expr, start, tail, term);
      }
      if (opIndex < 0) {
        next = null;
        pos = n;
      } else {
        next = Operator.of(expr.charAt(opIndex));
        pos = opIndex + 1;
        if (pos >= n) {
          throw missingOperand(expr, opIndex);
        }
      }
      int end = opIndex < 0 ? n : opIndex;
      Pattern pattern = term.pattern();
      if (term.size() > RangeParser.MAX_ITEM_SIZE) {
        throw NodeSetException.at(
            "too many nodes",
            expr.substring(start, end).strip(),
            start + 1,
            "more than " + RangeParser.MAX_ITEM_SIZE + " in one term");
      }
      // Terms are materialised: bound their sum too, or many large terms exhaust the memory.
      nodes += term.size();
      if (nodes > RangeParser.MAX_ITEM_SIZE) {
        throw NodeSetException.at(
            "too many nodes",
            expr.substring(start, end).strip(),
            start + 1,
            "more than " + RangeParser.MAX_ITEM_SIZE + " in one node set");
      }
      if (op == Operator.UNION && isPlain(pattern)) {
        result.add(pattern, term.indexes());
      } else {
        Term t =
            new Term(op, pattern, term.indexes(), start + 1, expr.substring(start, end).strip());
        result.apply(t.op(), evaluate(t, source, wildcards));
      }
      op = next;
    }
    return result.build();
  }

  /**
   * Reads one {@code prefix[range]} of a term starting at {@code cur}, with the '[' at {@code
   * bracket}, and returns where the text after the ']' starts.
   */
  private static int bracketed(
      String expr,
      int n,
      int cur,
      int bracket,
      PatternBuilder term,
      NextIndex opens,
      NextIndex closes) {
    int close = closes.next(bracket + 1);
    if (close < 0) {
      throw NodeSetException.at(
          "missing ']'", expr.substring(bracket, n), bracket + 1, "the '[' is never closed");
    }
    int stray = indexOf(expr, ']', cur, bracket);
    if (stray >= 0) {
      throw NodeSetException.at(
          "unexpected ']'", expr.substring(cur, bracket), stray + 1, "no '[' opens it");
    }
    int after = close + 1;
    if (after < n) {
      // A ']' before the next '[' (ClusterShell looks beyond operators too).
      int nextClose = closes.next(after);
      int nextOpen = opens.next(after);
      if (nextClose >= 0 && (nextOpen < 0 || nextClose < nextOpen)) {
        throw NodeSetException.at(
            "unexpected ']'", expr.substring(after, n), nextClose + 1, "no '[' opens it");
      }
    }
    String range = expr.substring(bracket + 1, close);
    int rangeColumn = bracket + 2;
    boolean amended = false;
    int digitsEnd = after;
    while (digitsEnd < n && PatternBuilder.isDigit(expr.charAt(digitsEnd))) {
      digitsEnd++;
    }
    if (digitsEnd > after) {
      if (range.indexOf('/') >= 0) {
        throw NodeSetException.at(
            "digits after a range with steps",
            expr.substring(bracket, digitsEnd),
            after + 1,
            "write the step range without trailing digits");
      }
      range = appendDigits(range, expr.substring(after, digitsEnd));
      amended = true;
      after = digitsEnd;
    }
    int prefixEnd = bracket;
    while (prefixEnd > cur && PatternBuilder.isDigit(expr.charAt(prefixEnd - 1))) {
      prefixEnd--;
    }
    if (prefixEnd < bracket) {
      RangeSet inner = parseRange(range, rangeColumn, amended, expr, bracket);
      range = prependDigits(expr.substring(prefixEnd, bracket), inner);
      amended = true;
    }
    text(expr, cur, prefixEnd, term);
    if (after < n && expr.charAt(after) == '[') {
      int closing = indexOf(expr, ']', after, n);
      throw NodeSetException.at(
          "unexpected '['",
          expr.substring(bracket, closing < 0 ? n : closing + 1),
          after + 1,
          "two bracket groups must be separated by text");
    }
    term.range(parseRange(range, rangeColumn, amended, expr, bracket));
    return after;
  }

  private static RangeSet parseRange(
      String range, int column, boolean amended, String expr, int bracket) {
    try {
      return RangeParser.parse(range);
    } catch (RangeParser.RangeSyntaxException e) {
      if (amended) {
        int close = expr.indexOf(']', bracket);
        throw NodeSetException.at(
            "bad range", expr.substring(bracket, close + 1), bracket + 1, e.getMessage());
      }
      throw NodeSetException.at("bad range", e.item, column + e.offset, e.getMessage());
    }
  }

  /** {@code n[1-2]0}: the digits after the bracket multiply the range: {@code 10-20/10}. */
  private static String appendDigits(String range, String digits) {
    StringBuilder out = new StringBuilder();
    for (String item : range.split(",", -1)) {
      if (out.length() > 0) {
        out.append(',');
      }
      String shifted = String.join(digits + "-", item.split("-", -1)) + digits;
      out.append(shifted);
      if (shifted.indexOf('-') >= 0) {
        out.append("/1").append("0".repeat(digits.length()));
      }
    }
    return out.toString();
  }

  /** {@code n1[0-2]}: the digits before the bracket prefix each bound: {@code 10-12}. */
  private static String prependDigits(String digits, RangeSet range) {
    StringBuilder out = new StringBuilder();
    for (String piece : RangeParser.pieces(range)) {
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(digits).append(String.join("-" + digits, piece.split("-", -1)));
    }
    return out.toString();
  }

  /** Plain text of a term: digit runs become single indexes. */
  private static void text(String expr, int from, int to, PatternBuilder term) {
    try {
      term.text(expr, from, to);
    } catch (IllegalArgumentException e) {
      throw NodeSetException.at("bad index", expr.substring(from, to), from + 1, e.getMessage());
    }
  }

  /** Whether a term stands for its own nodes: not a group reference, not a wildcard. */
  private static boolean isPlain(Pattern pattern) {
    return !pattern.startsWith("@") && !pattern.containsAny("*?");
  }

  private NodeSet evaluate(Term term, String source, boolean wildcards) {
    if (term.pattern().startsWith("@")) {
      NodeSetBuilder members = new NodeSetBuilder();
      for (String reference : term.nodes().expand()) {
        members.addAll(group(reference, source, term.column()));
      }
      return members.build();
    }
    if (term.pattern().containsAny("*?")) {
      if (!wildcards) {
        throw NodeSetException.at(
            "wildcard in the list of all hosts", term.text(), term.column(), null);
      }
      return wildcard(term, source);
    }
    return term.nodes();
  }

  /** The members of {@code @name}, {@code @source:name}, {@code @*} or {@code @source:*}. */
  private NodeSet group(String reference, String source, int column) {
    String name = reference.substring(1);
    int colon = name.indexOf(':');
    if (colon >= 0) {
      source = name.substring(0, colon).isEmpty() ? null : name.substring(0, colon);
      name = name.substring(colon + 1);
    }
    if (name.isEmpty()) {
      throw NodeSetException.at("empty group name", reference, column, null);
    }
    if (name.startsWith("@")) {
      throw NodeSetException.at(
          "group name lists are not supported", reference, column, "'@@source' lists group names");
    }
    String key = (source == null ? "" : source) + ":" + name;
    if (resolving.contains(key)) {
      throw new NodeSetException(reference + ": group includes itself", column);
    }
    Optional<String> members = name.equals("*") ? groups.all(source) : groups.group(source, name);
    if (members.isEmpty()) {
      throw new NodeSetException(
          name.equals("*")
              ? reference + ": the group source cannot list all hosts"
              : reference + ": no such group",
          column);
    }
    resolving.push(key);
    try {
      return parse(members.get(), source, true);
    } catch (NodeSetException e) {
      if (e.getMessage().startsWith("@")) {
        throw e;
      }
      throw new NodeSetException(reference + ": " + e.getMessage(), column);
    } finally {
      resolving.pop();
    }
  }

  /** The hosts of the group source that match the term's glob patterns. */
  private NodeSet wildcard(Term term, String source) {
    Optional<String> all = groups.all(source);
    if (all.isEmpty()) {
      throw NodeSetException.at(
          "wildcards need a group source that lists all hosts", term.text(), term.column(), null);
    }
    NodeSet everyone = parse(all.get(), source, false);
    java.util.List<String> matching = new java.util.ArrayList<>();
    java.util.List<String> masks = term.nodes().expand();
    for (String host : everyone) {
      for (String mask : masks) {
        if (Glob.matches(mask, host)) {
          matching.add(host);
          break;
        }
      }
    }
    return NodeSet.of(matching);
  }

  private static NodeSetException missingOperand(String expr, int opIndex) {
    return NodeSetException.at(
        "missing operand",
        String.valueOf(expr.charAt(opIndex)),
        opIndex + 1,
        "an operator needs a node set on each side");
  }

  /**
   * The next occurrence of a character at or after a position that only moves forward, found in
   * linear time over the whole expression (searching from each term to the end would make a list of
   * 100,000 names quadratic).
   */
  private static final class NextIndex {
    private final String expr;
    private final char c;
    private final int end;
    private int from = Integer.MAX_VALUE;
    private int found = -1;

    NextIndex(String expr, char c, int end) {
      this.expr = expr;
      this.c = c;
      this.end = end;
    }

    int next(int at) {
      if (at >= from && (found < 0 || found >= at)) {
        return found;
      }
      from = at;
      found = indexOf(expr, c, at, end);
      return found;
    }
  }

  private static int nextOperator(String expr, int from, int to) {
    for (int i = from; i < to; i++) {
      if (OPERATORS.indexOf(expr.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(String expr, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (expr.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }
}
