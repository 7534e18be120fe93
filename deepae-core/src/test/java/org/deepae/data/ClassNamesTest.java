package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassNamesTest {

    @Test
    void fashionMnistHasItsPublishedNamesAndOtherDatasetsTheirLabels() {
        assertThat(ClassNames.name("fashion-mnist", 0)).isEqualTo("T-shirt/top");
        assertThat(ClassNames.name("fashion-mnist", 9)).isEqualTo("Ankle boot");
        assertThat(ClassNames.name("fashion-mnist", 10)).isEqualTo("10");
        assertThat(ClassNames.name("mnist", 3)).isEqualTo("3");
        assertThat(ClassNames.of("mnist-sample")).isEmpty();
    }
}
