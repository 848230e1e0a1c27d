package org.herd.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YamlMessageTest {

  @Test
  void theParsersEventsBecomeWords() {
    assertThat(
            YamlMessage.plain(
                "Expected a field name (Scalar value in YAML), got this instead:"
                    + " <org.yaml.snakeyaml.events.SequenceStartEvent(anchor=null, tag=null,"
                    + " implicit=true)>"))
        .isEqualTo("a key must be plain text, not a list");
    assertThat(
            YamlMessage.plain(
                "Unexpected\n  org.yaml.snakeyaml.events.MappingStartEvent(anchor=null, tag=null)"))
        .isEqualTo("Unexpected a mapping");
    assertThat(
            YamlMessage.plain(
                "Document nesting depth (1001) exceeds the maximum allowed (1000, from"
                    + " `StreamReadConstraints.getMaxNestingDepth()`)"))
        .isEqualTo("Document nesting depth (1001) exceeds the maximum allowed (1000)");
    assertThat(YamlMessage.plain("mapping values are not allowed here"))
        .isEqualTo("mapping values are not allowed here");
  }
}
