package org.deepae.tf;

import org.deepae.model.Device;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;

/** What TensorFlow can run on here, and which device a session will use. */
public final class Devices {

    private static Boolean gpu;

    private Devices() {}

    /**
     * Whether TensorFlow sees a GPU: a tiny op pinned to {@code /device:GPU:0} runs without soft placement. The answer
     * is computed once per process. Its session has deepae's thread settings, so it may be the first of a process
     * ({@link SessionSettings}).
     */
    public static synchronized boolean gpuAvailable(int threads) {
        if (gpu == null) {
            try (Graph graph = new Graph()) {
                Ops tf = Ops.create(graph)
                        .withDevice(DeviceSpec.newBuilder()
                                .deviceType(DeviceSpec.DeviceType.GPU)
                                .deviceIndex(0)
                                .build());
                var sum = tf.math.add(tf.constant(1f), tf.constant(2f));
                ConfigProto config = SessionSettings.config(threads).toBuilder()
                        .setAllowSoftPlacement(false)
                        .build();
                try (Session session = new Session(graph, config)) {
                    session.runner().addTarget(sum).run().close();
                    gpu = true;
                }
            } catch (RuntimeException e) {
                gpu = false;
            }
        }
        return gpu;
    }

    /**
     * The device a session with {@code requested} runs on, for telling the user.
     *
     * @throws IllegalStateException for {@link Device#GPU} when TensorFlow sees no GPU, with what to do about it
     */
    public static String describe(Device requested, int threads) {
        boolean hasGpu = gpuAvailable(threads);
        if (requested == Device.GPU && !hasGpu) {
            throw new IllegalStateException("--device gpu: TensorFlow sees no GPU (this build uses the native library "
                    + "'tensorflow-core-native' for the CPU unless built with ./mvnw -Pgpu, and a GPU needs the "
                    + "NVIDIA driver "
                    + "with CUDA 12 and cuDNN 9); use --device cpu or auto");
        }
        if (requested == Device.CPU || !hasGpu) {
            return "CPU" + (hasGpu ? " (a GPU is present but not used)" : "");
        }
        return "GPU 0";
    }

    /** Adds {@code device}'s settings to a session configuration. */
    static void configure(ConfigProto.Builder config, Device device) {
        if (device == Device.CPU) {
            config.putDeviceCount("GPU", 0);
        }
        config.setAllowSoftPlacement(device != Device.GPU);
    }
}
