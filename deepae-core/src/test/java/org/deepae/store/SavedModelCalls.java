package org.deepae.store;

import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Calls a signature of a loaded SavedModel as TensorFlow Serving would, for the export tests. */
final class SavedModelCalls {
    private SavedModelCalls() {}

    /** Feeds {@code values} (rows of {@code width}) to {@code input} of {@code key} and returns {@code output}. */
    static float[] call(
            SavedModelBundle bundle, String key, String input, float[] values, int width, String output, int outWidth) {
        int rows = values.length / width;
        try (TFloat32 x = TFloat32.tensorOf(Shape.of(rows, width), DataBuffers.of(values, true, false));
                Result result = bundle.function(key).call(Map.of(input, x))) {
            float[] out = new float[rows * outWidth];
            ((TFloat32) result.get(output).orElseThrow()).copyTo(DataBuffers.of(out, false, false));
            return out;
        }
    }
}
