package org.herd.debian;

/**
 * One package that {@code dpkg --audit} reports, and why.
 *
 * @param pkg the package
 * @param kind the paragraph of the audit it was listed under
 */
public record AuditProblem(PackageName pkg, Kind kind) {

  /** The paragraphs of {@code dpkg --audit}, identified by the words that start them. */
  public enum Kind {
    /** "in a mess due to serious problems during installation": reinstall required. */
    REINSTALL_REQUIRED("in a mess"),
    /** "unpacked but not yet configured". */
    UNPACKED("unpacked but not yet configured"),
    /** "only half configured": a maintainer script failed during configuration. */
    HALF_CONFIGURED("only half configured"),
    /** "only half installed": unpacking stopped half-way. */
    HALF_INSTALLED("only half installed"),
    /** "awaiting processing of triggers that they have activated in other packages". */
    TRIGGERS_AWAITED("awaiting processing of triggers"),
    /** "have been triggered, but the trigger processing has not yet been done". */
    TRIGGERS_PENDING("have been triggered"),
    /** "missing the list control file in the database". */
    MISSING_FILE_LIST("missing the list control file"),
    /** "missing the md5sums control file in the database". */
    MISSING_MD5SUMS("missing the md5sums control file"),
    /** "do not have an architecture". */
    NO_ARCHITECTURE("do not have an architecture"),
    /** "have an illegal architecture". */
    ILLEGAL_ARCHITECTURE("have an illegal architecture"),
    /** "have an unknown foreign architecture". */
    UNKNOWN_FOREIGN_ARCHITECTURE("unknown foreign architecture"),
    /** A paragraph this version of herd does not know. */
    OTHER("");

    private final String words;

    Kind(String words) {
      this.words = words;
    }

    /** The kind a paragraph's text names, {@link #OTHER} when none. */
    static Kind ofParagraph(String text) {
      String t = text.replaceAll("\\s+", " ");
      for (Kind k : values()) {
        if (k != OTHER && t.contains(k.words)) {
          return k;
        }
      }
      return OTHER;
    }

    /** Whether a package in this state is broken until someone acts (configure, reinstall). */
    public boolean blocksUpgrades() {
      return this != MISSING_MD5SUMS && this != OTHER;
    }
  }
}
