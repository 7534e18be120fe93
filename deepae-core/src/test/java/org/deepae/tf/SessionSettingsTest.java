package org.deepae.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deepae.model.Device;
import org.deepae.model.Precision;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.RewriterConfig;

class SessionSettingsTest {

    @Test
    void oneInterOpThreadPerRequestedThreadAndOneIntraOpThread() {
        ConfigProto three = SessionSettings.config(3);
        assertThat(three.getInterOpParallelismThreads()).isEqualTo(3);
        assertThat(three.getIntraOpParallelismThreads()).isEqualTo(1);
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(SessionSettings.config(0).getInterOpParallelismThreads()).isEqualTo(cores);
        assertThat(SessionSettings.threadCount(0)).isEqualTo(cores);
        assertThat(SessionSettings.threadCount(5)).isEqualTo(5);
    }

    @Test
    void precisionAndDeviceAreCarried() {
        ConfigProto bf16 = SessionSettings.config(2, Precision.BF16, Device.CPU);
        assertThat(bf16.getGraphOptions().getRewriteOptions().getAutoMixedPrecisionOnednnBfloat16())
                .isEqualTo(RewriterConfig.Toggle.ON);
        assertThat(bf16.getDeviceCountOrDefault("GPU", -1)).isZero();
        assertThat(SessionSettings.config(2, Precision.FP32, Device.GPU).getAllowSoftPlacement())
                .isFalse();
    }

    @Test
    void aNegativeThreadCountIsRefused() {
        assertThatThrownBy(() -> SessionSettings.config(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads");
    }
}
