package org.deepae.tf;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Reads a network's weights and biases out of its session, and writes them back (assign ops built on first use). */
final class ParameterValues {

    private record Assignment(Placeholder<TFloat32> value, Op op) {}

    private final Graph graph;
    private final Session session;
    private final List<Variable<TFloat32>> parameters;
    private List<Assignment> assignments;

    ParameterValues(Graph graph, Session session, List<Variable<TFloat32>> parameters) {
        this.graph = graph;
        this.session = session;
        this.parameters = parameters;
    }

    /** Every parameter's values, copied out of the session, in order. */
    List<float[]> read() {
        Session.Runner runner = session.runner();
        parameters.forEach(runner::fetch);
        List<float[]> values = new ArrayList<>();
        try (Result result = runner.run()) {
            for (int i = 0; i < result.size(); i++) {
                TFloat32 tensor = (TFloat32) result.get(i);
                float[] copy = new float[Math.toIntExact(tensor.size())];
                tensor.copyTo(DataBuffers.of(copy, false, false));
                values.add(copy);
            }
        }
        return values;
    }

    /** Assigns {@code values} to the parameters, in order. */
    void write(List<float[]> values) {
        if (values.size() != parameters.size()) {
            throw new IllegalArgumentException("expected " + parameters.size() + " arrays, got " + values.size());
        }
        if (assignments == null) {
            Ops tf = Ops.create(graph);
            assignments = new ArrayList<>();
            for (var parameter : parameters) {
                Placeholder<TFloat32> value = tf.placeholder(TFloat32.class, Placeholder.shape(parameter.shape()));
                assignments.add(new Assignment(value, tf.assign(parameter, value)));
            }
        }
        List<TFloat32> tensors = new ArrayList<>();
        try {
            Session.Runner runner = session.runner();
            for (int i = 0; i < values.size(); i++) {
                Shape shape = parameters.get(i).shape();
                if (values.get(i).length != shape.size()) {
                    throw new IllegalArgumentException(
                            "parameter " + i + " needs " + shape.size() + " values, got " + values.get(i).length);
                }
                TFloat32 t = TFloat32.tensorOf(shape, DataBuffers.of(values.get(i), true, false));
                tensors.add(t);
                runner.feed(assignments.get(i).value(), t)
                        .addTarget(assignments.get(i).op());
            }
            runner.run().close();
        } finally {
            tensors.forEach(TFloat32::close);
        }
    }
}
