package org.herd.nodeset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random node-set expressions for comparing herd with ClusterShell: few prefixes so that terms
 * collide, small indexes so that ranges overlap, zero padding of mixed lengths, steps, bracket
 * groups in one to three dimensions, digits glued before and after brackets, all four operators,
 * stray whitespace, and now and then a mistake.
 */
final class RandomExpressions {

  private static final String[] PREFIXES = {"n", "node", "a", "rack", "x-", "web", "db", ""};
  private static final String[] MIDDLES = {"n", "-n", "c", "-"};
  private static final String[] SUFFIXES = {"", "", "", "-ib", "s"};

  private final Random random;

  RandomExpressions(long seed) {
    this.random = new Random(seed);
  }

  /** The arguments of one {@code nodeset} invocation: one to three expressions. */
  List<String> arguments() {
    int count = pick(70, 20, 10) + 1;
    List<String> args = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String arg = expression();
      if (random.nextInt(20) == 0) {
        arg = arg + "\n" + expression();
      }
      args.add(arg);
    }
    return args;
  }

  /** One expression: terms joined by operators. */
  String expression() {
    if (random.nextInt(4) == 0) {
      return grid();
    }
    if (random.nextInt(25) == 0) {
      return scatter();
    }
    int terms = 1 + random.nextInt(random.nextBoolean() ? 3 : 6);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < terms; i++) {
      if (i > 0) {
        out.append(",!&^".charAt(pick(50, 20, 15, 15)));
      }
      String term = term();
      if (random.nextInt(10) == 0) {
        term = " ".repeat(random.nextInt(3)) + term + " ".repeat(random.nextInt(3));
      }
      out.append(term);
    }
    String expr = out.toString();
    if (random.nextInt(30) == 0) {
      expr = mistake(expr);
    }
    return expr;
  }

  /**
   * Terms of one 2D or 3D pattern with tiny ranges combined by every operator: irregular shapes
   * that exercise ClusterShell's greedy multi-dimensional folding.
   */
  private String grid() {
    boolean threeD = random.nextInt(3) == 0;
    int terms = 2 + random.nextInt(8);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < terms; i++) {
      if (i > 0) {
        out.append(",!&^,,".charAt(random.nextInt(6)));
      }
      out.append("r").append(small()).append("n").append(small());
      if (threeD) {
        out.append("c").append(small());
      }
    }
    return out.toString();
  }

  /**
   * Many random points of one 2D or 3D pattern: irregular sets on which the greedy fold needs
   * several passes, including the pass that tries every pair.
   */
  private String scatter() {
    boolean threeD = random.nextBoolean();
    int points = 30 + random.nextInt(150);
    int side = threeD ? 6 : 14;
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < points; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append("s").append(random.nextInt(side)).append("n").append(random.nextInt(side));
      if (threeD) {
        out.append("c").append(random.nextInt(side));
      }
    }
    return out.toString();
  }

  private String small() {
    int a = random.nextInt(random.nextInt(5) == 0 ? 12 : 5);
    int width = random.nextInt(8) == 0 ? 2 : 0;
    if (random.nextInt(3) == 0) {
      return format(a, width);
    }
    String range = format(a, width) + "-" + format(a + random.nextInt(4), width);
    if (random.nextInt(4) == 0) {
      range += "," + format(random.nextInt(12), 0);
    }
    return "[" + range + "]";
  }

  private String term() {
    String prefix = PREFIXES[random.nextInt(PREFIXES.length)];
    String suffix = SUFFIXES[random.nextInt(SUFFIXES.length)];
    return switch (pick(15, 35, 25, 10, 8, 7)) {
      case 0 -> prefix.isEmpty() ? "host" : prefix + (random.nextBoolean() ? index() : "") + suffix;
      case 1 -> prefix + "[" + ranges(true) + "]" + suffix;
      case 2 -> prefix + "[" + ranges(true) + "]" + middle() + "[" + ranges(true) + "]" + suffix;
      case 3 ->
          prefix
              + "["
              + ranges(true)
              + "]"
              + middle()
              + (random.nextBoolean() ? index() : "[" + ranges(true) + "]")
              + middle()
              + "["
              + ranges(true)
              + "]";
      case 4 -> (prefix.isEmpty() ? "p" : prefix) + random.nextInt(10) + "[" + ranges(true) + "]";
      default -> prefix + "[" + ranges(false) + "]" + random.nextInt(10) + suffix;
    };
  }

  private String middle() {
    return MIDDLES[random.nextInt(MIDDLES.length)];
  }

  private String ranges(boolean steps) {
    int items = 1 + random.nextInt(random.nextInt(4) == 0 ? 5 : 2);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < items; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(item(steps));
    }
    return out.toString();
  }

  private String item(boolean steps) {
    int width = pad();
    int a = value();
    if (random.nextInt(3) == 0) {
      return format(a, width);
    }
    int b = a + random.nextInt(random.nextInt(8) == 0 ? 150 : 8);
    if (width > 0 && String.valueOf(b).length() > width) {
      width = 0;
    }
    String range = format(a, width) + "-" + format(b, width);
    if (steps && random.nextInt(6) == 0) {
      range += "/" + (1 + random.nextInt(4));
    }
    return range;
  }

  private String index() {
    return format(value(), pad());
  }

  private int value() {
    return random.nextInt(8) == 0 ? 90 + random.nextInt(20) : random.nextInt(16);
  }

  /** 0 for no padding, else the zero-padded width. */
  private int pad() {
    return switch (pick(65, 25, 10)) {
      case 0 -> 0;
      case 1 -> 2;
      default -> 3;
    };
  }

  private static String format(int value, int width) {
    return width == 0 ? String.valueOf(value) : String.format("%0" + width + "d", value);
  }

  private String mistake(String expr) {
    return switch (random.nextInt(5)) {
      case 0 -> expr + ",";
      case 1 -> expr.replaceFirst("\\]", "");
      case 2 -> expr + "!!a";
      case 3 -> expr + ",n[5-2]";
      default -> expr + "]";
    };
  }

  /** An index drawn with the given percentage weights. */
  private int pick(int... weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
