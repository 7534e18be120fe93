package org.deepae.tf;

import org.deepae.model.Device;
import org.deepae.model.Precision;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;

/** How deepae's sessions are configured: threads, precision and device. */
final class SessionSettings {

  private SessionSettings() {}

  /** {@code threads} intra-op threads (0: TensorFlow's choice), float32, TensorFlow's device placement. */
  static ConfigProto config(int threads) {
    return config(threads, Precision.FP32);
  }

  /** One inter-op thread, {@code threads} intra-op threads (0: TensorFlow's choice), and the precision. */
  static ConfigProto config(int threads, Precision precision) {
    return config(threads, precision, Device.AUTO);
  }

  /** The session configuration for {@code threads}, {@code precision} and {@code device}. */
  static ConfigProto config(int threads, Precision precision, Device device) {
    ConfigProto.Builder config = ConfigProto.newBuilder().setInterOpParallelismThreads(1);
    if (threads > 0) {
      config.setIntraOpParallelismThreads(threads);
    }
    Devices.configure(config, device);
    if (precision == Precision.BF16) {
      config.setGraphOptions(GraphOptions.newBuilder().setRewriteOptions(RewriterConfig.newBuilder()
          .setAutoMixedPrecisionOnednnBfloat16(RewriterConfig.Toggle.ON)));
    }
    return config.build();
  }
}
