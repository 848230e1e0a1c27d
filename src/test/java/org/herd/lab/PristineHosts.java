package org.herd.lab;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks {@link LabExtension} to reset lab hosts before the annotated test, so that it starts on
 * hosts exactly as {@code lab up} made them (nothing installed, no changed file, a fresh boot).
 * Resetting takes a few seconds per host: ask only for the hosts the test changes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PristineHosts {

  /** The host numbers (1 for {@code NAME-1}); empty means every host. */
  int[] value() default {};
}
