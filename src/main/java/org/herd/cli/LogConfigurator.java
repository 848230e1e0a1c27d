package org.herd.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * herd's logging set-up, found by logback through {@code META-INF/services} when no {@code
 * logback.xml} (or {@code logback-test.xml}) is on the class path: one line per event on stderr, at
 * {@code HERD_LOG_LEVEL} (default WARN for herd, ERROR for MINA SSHD, which is chatty about
 * connections herd already reports in its own words). herd talks to users through its own one-line
 * messages; logging is for debugging. In code rather than XML because logback's XML configurator
 * costs every herd command a noticeable share of its start-up CPU.
 */
@ConfiguratorRank(ConfiguratorRank.NOMINAL)
public final class LogConfigurator extends ContextAwareBase implements Configurator {

  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    configure(context, System.getenv("HERD_LOG_LEVEL"));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Sets {@code context} up at {@code asked} (a level's name, or null for the defaults). */
  static void configure(LoggerContext context, String asked) {
    Level level = asked == null ? null : Level.toLevel(asked.toUpperCase(Locale.ROOT), null);

    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();

    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(level == null ? Level.WARN : level);
    root.addAppender(stderr);
    // MINA SSHD dumps every packet at TRACE, the sudo password and key exchanges included: its
    // loggers go no lower than DEBUG, whatever is asked.
    context
        .getLogger("org.apache.sshd")
        .setLevel(level == null ? Level.ERROR : atLeast(level, Level.DEBUG));
    // MariaDB's driver warns of every error a server answered (the demo's client meets them on
    // purpose while a member is drained or restarting, and reports them itself).
    context.getLogger("org.mariadb.jdbc").setLevel(level == null ? Level.ERROR : level);
  }

  /**
   * What {@code action} gives, with {@code logger} silent meanwhile (Javalin logs "Failed to start
   * Javalin" before it throws what herd serve reports in one line), then as it was.
   */
  static <T> T quiet(String logger, Supplier<T> action) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return action.get();
    }
    ch.qos.logback.classic.Logger muted = context.getLogger(logger);
    Level before = muted.getLevel();
    muted.setLevel(Level.OFF);
    try {
      return action.get();
    } finally {
      muted.setLevel(before);
    }
  }

  private static Level atLeast(Level level, Level floor) {
    return level.isGreaterOrEqual(floor) ? level : floor;
  }

  /** {@code --debug}: herd's own loggers at DEBUG, whatever configured them. */
  static void debugHerd() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getLogger("org.herd").setLevel(Level.DEBUG);
    }
  }
}
