package org.herd.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageRecipeTest {

  @Test
  void sameRecipeSameHash() {
    assertThat(ImageRecipe.standard(Release.BOOKWORM).hash())
        .isEqualTo(ImageRecipe.standard(Release.BOOKWORM).hash())
        .hasSize(16)
        .matches("[0-9a-f]+");
  }

  @Test
  void anyChangeToTheRecipeChangesTheHash() {
    ImageRecipe base = ImageRecipe.standard(Release.BOOKWORM);
    List<ImageRecipe> changed =
        List.of(
            ImageRecipe.standard(Release.TRIXIE),
            new ImageRecipe(Release.BOOKWORM, "buildd", base.packages(), base.finish()),
            new ImageRecipe(Release.BOOKWORM, "minbase", List.of("systemd"), base.finish()),
            new ImageRecipe(Release.BOOKWORM, "minbase", base.packages(), base.finish() + 1));
    for (ImageRecipe recipe : changed) {
      assertThat(recipe.hash()).isNotEqualTo(base.hash());
    }
  }

  @Test
  void recipeHasWhatEveryHostNeeds() {
    assertThat(ImageRecipe.standard(Release.BOOKWORM).packages())
        .contains(
            "systemd", "systemd-sysv", "dbus", "openssh-server", "iproute2", "ca-certificates");
  }
}
