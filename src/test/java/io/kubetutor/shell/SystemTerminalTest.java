package io.kubetutor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.jline.utils.InfoCmp;
import org.junit.jupiter.api.Test;

class SystemTerminalTest {

  @Test
  void everyTypeCalledBundledHasADescriptionInsideJline() {
    for (String type : SystemTerminal.BUNDLED_TYPES) {
      assertThat(InfoCmp.getDefaultInfoCmp(type)).as(type).isNotBlank();
    }
  }

  @Test
  void aBundledTypeIsAnsweredFromJlinesDescriptionWithoutAskingInfocmp() throws Exception {
    assertThat(SystemTerminal.preloadCapabilities("rxvt-basic")).isTrue();
    // getInfoCmp runs infocmp only for a type not loaded yet: the bundled text coming back proves no child ran.
    assertThat(InfoCmp.getInfoCmp("rxvt-basic")).isSameAs(InfoCmp.getLoadedInfoCmp("rxvt-basic"))
        .isEqualTo(InfoCmp.getDefaultInfoCmp("rxvt-basic"));
    assertThat(SystemTerminal.preloadCapabilities("rxvt-basic")).as("already loaded: left alone").isFalse();
  }

  @Test
  void otherTypesAreLeftToInfocmp() {
    assertThat(SystemTerminal.preloadCapabilities("xterm-kitty")).isFalse();
    assertThat(InfoCmp.getLoadedInfoCmp("xterm-kitty")).isNull();
    assertThat(SystemTerminal.preloadCapabilities(null)).isFalse();
  }
}
