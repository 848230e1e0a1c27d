package org.herd.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.herd.text.CountOrPercent;

/**
 * Ansible's {@code serial} for the hosts in no cluster: the sizes of the batches they go in, each
 * batch finished before the next starts. A size is a count or a percentage of the wave's standalone
 * hosts (rounded down, never below 1); a list of sizes uses each in turn and repeats its last one.
 * {@code 0} means one batch of every host, as in Ansible. Within a batch at most {@code --parallel}
 * hosts run at once.
 *
 * @param sizes the batch sizes in order; empty means one batch of every host
 */
public record Serial(List<Size> sizes) {

  /** One batch of all hosts: the default. */
  public static final Serial ALL = new Serial(List.of());

  /** Freezes the list. */
  public Serial {
    sizes = List.copyOf(sizes);
  }

  /** One batch size: {@code count} hosts, or {@code count}% of the hosts when {@code percent}. */
  public record Size(int count, boolean percent) {
    /** Rejects negative sizes and percentages above 100. */
    public Size {
      if (count < 0 || (percent && count > 100)) {
        throw new IllegalArgumentException("a batch size is 0 or more, or a percentage to 100%");
      }
    }

    /** The batch size for {@code total} hosts; 0 means all of them. */
    int of(int total) {
      if (!percent) {
        return count;
      }
      return Math.max(1, (int) ((long) total * count / 100));
    }

    @Override
    public String toString() {
      return count + (percent ? "%" : "");
    }
  }

  /**
   * Parses {@code 3}, {@code 30%}, {@code 1,5,20%} or the YAML-ish {@code [1, 5, "20%"]}.
   *
   * @throws IllegalArgumentException with a one-line message for the operator
   */
  public static Serial parse(String text) {
    Objects.requireNonNull(text, "text");
    String body = text.strip();
    if (body.startsWith("[") && body.endsWith("]")) {
      body = body.substring(1, body.length() - 1);
    }
    List<Size> sizes = new ArrayList<>();
    for (String part : body.split(",", -1)) {
      String value = part.strip();
      if (value.length() >= 2
          && (value.startsWith("\"") && value.endsWith("\"")
              || value.startsWith("'") && value.endsWith("'"))) {
        value = value.substring(1, value.length() - 1).strip();
      }
      CountOrPercent size =
          CountOrPercent.parse(value)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "--serial '"
                              + text
                              + "': expected a count (3), a percentage (30%) or a list such as"
                              + " 1,5,20%"));
      sizes.add(new Size(size.value(), size.percent()));
    }
    return new Serial(sizes);
  }

  /**
   * The batch sizes for {@code total} hosts, as Ansible cuts them: each size in turn, the last one
   * repeated, percentages of {@code total}, the last batch holding what is left.
   */
  public List<Integer> batches(int total) {
    List<Integer> batches = new ArrayList<>();
    int left = total;
    int item = 0;
    while (left > 0) {
      int size = sizes.isEmpty() ? 0 : sizes.get(item).of(total);
      if (size <= 0) {
        batches.add(left);
        break;
      }
      int batch = Math.min(size, left);
      batches.add(batch);
      left -= batch;
      item = Math.min(item + 1, sizes.size() - 1);
    }
    return batches;
  }

  @Override
  public String toString() {
    if (sizes.isEmpty()) {
      return "all";
    }
    return String.join(",", sizes.stream().map(Size::toString).toList());
  }
}
