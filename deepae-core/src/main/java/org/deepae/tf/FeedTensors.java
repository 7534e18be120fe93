package org.deepae.tf;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Feed tensors kept and reused by shape: allocating a fresh native buffer for every batch or chunk costs page faults
 * that a reused one does not. The least recently used is closed beyond a handful (full and last chunks, training and
 * evaluation).
 */
final class FeedTensors implements AutoCloseable {

    private static final int KEPT = 6;

    private final Map<Shape, TFloat32> tensors = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Shape, TFloat32> eldest) {
            if (size() > KEPT) {
                eldest.getValue().close();
                return true;
            }
            return false;
        }
    };

    /** A tensor holding rows {@code start .. start + n} of {@code rows}, each of {@code width} values. */
    TFloat32 fill(float[] rows, int start, int n, int width) {
        Shape shape = Shape.of(n, width);
        TFloat32 tensor = tensors.get(shape);
        if (tensor == null) {
            tensor = TFloat32.tensorOf(shape);
            tensors.put(shape, tensor);
        }
        tensor.copyFrom(DataBuffers.of(rows, true, false).slice((long) start * width, (long) n * width));
        return tensor;
    }

    @Override
    public void close() {
        tensors.values().forEach(TFloat32::close);
        tensors.clear();
    }
}
