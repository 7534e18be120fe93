package org.deepae.tf;

import java.util.ArrayList;
import java.util.List;
import org.deepae.model.VaeSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * A variational autoencoder's graph ({@link VaeSpec}) over its body's graph: the body's code layer is the mean head,
 * a second linear head of the same shape gives the log-variance, and the body's decoder decodes. Codes are drawn with
 * the reparameterisation trick from TensorFlow's stateless normal op, so a draw is fixed by its seed: training keys
 * it by seed, epoch and step; evaluation by a constant, so a model's test loss is the same after saving and loading.
 */
final class VaeGraph implements ModelGraph {

    /** The seed of evaluation's draws: the same for every model, every time. */
    private static final long[] EVALUATION_SEED = {0x7e57L, 0};
    /** Added to a step's first seed value for its code draw, so that input noise and the draw differ. */
    private static final long DRAW_SEED_OFFSET = 0x5DEECE66DL;

    private final VaeSpec spec;
    private final ModelGraph body;
    private final Variable<TFloat32> logVarianceWeights;
    private final Variable<TFloat32> logVarianceBiases;
    private final GraphEnds ends;
    /** Each row's negative ELBO (beta 1): reconstruction term plus KL divergence, one draw. */
    final Operand<TFloat32> rowNegativeElbo;
    /** Sum over rows of the reconstruction term (one draw). */
    final Operand<TFloat32> sumReconstruction;
    /** Sum over rows of the KL divergence to N(0, I). */
    final Operand<TFloat32> sumDivergence;
    /** Seed of {@link #sampled}, two int64 values. */
    final Placeholder<TInt64> sampleSeed;
    /** How many codes {@link #sampled} draws from the prior, a scalar. */
    final Placeholder<TInt32> sampleCount;
    /** Decoded draws from the prior N(0, I). */
    final Operand<TFloat32> sampled;
    /** Seed of {@link #codeSample}, two int64 values. */
    final Placeholder<TInt64> encodeSeed;
    /** A code drawn from each input row's distribution. */
    final Operand<TFloat32> codeSample;

    private VaeGraph(Graph graph, VaeSpec spec, long seed) {
        this.spec = spec;
        this.body = ModelGraph.build(graph, spec.body(), seed);
        Ops tf = Ops.create(graph);
        Ops init = tf.withInitScope();
        long from = spec.body().codeLayerInputSize();
        long code = spec.codeSize();
        // seeded apart from the body's layers, which take seed + 0, seed + 1, ... (at most a few dozen)
        logVarianceWeights = init.withName("logvar_w")
                .variable(NetworkGraph.initialWeights(
                        init, spec.initializer(), new long[] {from, code}, from, code, seed + 1000));
        logVarianceBiases =
                init.withName("logvar_b").variable(init.zeros(init.constant(Shape.of(code)), TFloat32.class));
        List<Variable<TFloat32>> params = new ArrayList<>(body.parameters());
        params.add(logVarianceWeights);
        params.add(logVarianceBiases);

        Operand<TFloat32> x = body.input();
        Operand<TFloat32> mean = body.code();
        Operand<TFloat32> logVariance = tf.withName("code_logvar").identity(logVarianceOf(tf, body.beforeCode(tf, x)));
        Terms evaluation = terms(tf, mean, logVariance, x, tf.constant(EVALUATION_SEED));
        rowNegativeElbo = tf.withName("row_neg_elbo").math.add(evaluation.reconstruction(), evaluation.divergence());
        sumReconstruction = tf.withName("reconstruction_sum").sum(evaluation.reconstruction(), tf.constant(0));
        sumDivergence = tf.withName("kl_sum").sum(evaluation.divergence(), tf.constant(0));
        Operand<TFloat32> sumLoss =
                tf.withName("vae_loss_sum").sum(evaluation.objective(spec.beta(), tf), tf.constant(0));
        ends = body.ends().with(sumLoss, params);

        sampleSeed = tf.withName("sample_seed").placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
        sampleCount = tf.withName("sample_count").placeholder(TInt32.class, Placeholder.shape(Shape.scalar()));
        Operand<TInt32> priorShape = tf.stack(List.of(sampleCount, tf.constant((int) code)));
        sampled = tf.withName("sampled")
                .identity(body.decodeOn(tf, tf.random.statelessRandomNormal(priorShape, sampleSeed)));
        encodeSeed = tf.withName("encode_seed").placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
        codeSample = tf.withName("code_sample").identity(draw(tf, x, mean, logVariance, encodeSeed));
    }

    static VaeGraph build(Graph graph, VaeSpec spec, long seed) {
        return new VaeGraph(graph, spec, seed);
    }

    private Operand<TFloat32> logVarianceOf(Ops tf, Operand<TFloat32> beforeCode) {
        return tf.nn.biasAdd(tf.linalg.matMul(beforeCode, logVarianceWeights), logVarianceBiases);
    }

    /**
     * {@code mean + exp(logVariance / 2) * eps}, {@code eps} standard normal drawn with {@code seed}, one row per row
     * of {@code rows}. The draw's shape comes from the rows, not from the mean: TensorFlow has no gradient for the
     * random op, so no path may lead from it back to the weights.
     */
    private Operand<TFloat32> draw(
            Ops tf,
            Operand<TFloat32> rows,
            Operand<TFloat32> mean,
            Operand<TFloat32> logVariance,
            Operand<TInt64> seed) {
        Operand<TInt32> batch = tf.slice(tf.shape(rows), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
        Operand<TInt32> shape = tf.concat(List.of(batch, tf.constant(new int[] {spec.codeSize()})), tf.constant(0));
        Operand<TFloat32> eps = tf.random.statelessRandomNormal(shape, seed);
        return tf.math.add(mean, tf.math.mul(tf.math.exp(tf.math.mul(logVariance, tf.constant(0.5f))), eps));
    }

    /**
     * A batch's per-row reconstruction term (the loss summed over the row's values) and KL divergence.
     *
     * @param reconstruction one value per row
     * @param divergence one value per row: {@code -1/2 sum(1 + logvar - mean^2 - exp(logvar))}
     */
    private record Terms(Operand<TFloat32> reconstruction, Operand<TFloat32> divergence) {
        Operand<TFloat32> objective(double beta, Ops tf) {
            return beta == 1.0
                    ? tf.math.add(reconstruction, divergence)
                    : tf.math.add(reconstruction, tf.math.mul(tf.constant((float) beta), divergence));
        }
    }

    private Terms terms(
            Ops tf, Operand<TFloat32> mean, Operand<TFloat32> logVar, Operand<TFloat32> target, Operand<TInt64> seed) {
        Operand<TFloat32> logits = body.decodeLogits(tf, draw(tf, target, mean, logVar, seed));
        Operand<TFloat32> out = NetworkGraph.activate(tf, spec.outputActivation(), logits);
        Operand<TFloat32> reconstruction =
                tf.sum(ModelGraph.lossTerms(tf, spec.loss(), logits, out, target), tf.constant(1));
        Operand<TFloat32> divergence = tf.math.mul(
                tf.constant(-0.5f),
                tf.sum(
                        tf.math.sub(
                                tf.math.sub(tf.math.add(tf.constant(1f), logVar), tf.math.square(mean)),
                                tf.math.exp(logVar)),
                        tf.constant(1)));
        return new Terms(reconstruction, divergence);
    }

    /** The batch's mean over rows of reconstruction plus beta times KL, the code drawn with the step's seed. */
    @Override
    public Operand<TFloat32> trainingLoss(
            Ops tf, Operand<TFloat32> x, Operand<TFloat32> target, Operand<TInt64> stepSeed) {
        Operand<TFloat32> h = body.beforeCode(tf, x);
        Operand<TInt64> drawSeed = tf.math.add(stepSeed, tf.constant(new long[] {DRAW_SEED_OFFSET, 0}));
        Terms terms = terms(tf, body.codeFrom(tf, h), logVarianceOf(tf, h), target, drawSeed);
        return tf.math.mean(terms.objective(spec.beta(), tf), tf.constant(0));
    }

    @Override
    public boolean drawsPerStep() {
        return true;
    }

    @Override
    public boolean lossPerRow() {
        return true;
    }

    @Override
    public VaeSpec spec() {
        return spec;
    }

    @Override
    public GraphEnds ends() {
        return ends;
    }

    @Override
    public Operand<TFloat32> beforeCode(Ops tf, Operand<TFloat32> x) {
        return body.beforeCode(tf, x);
    }

    @Override
    public Operand<TFloat32> codeFrom(Ops tf, Operand<TFloat32> beforeCode) {
        return body.codeFrom(tf, beforeCode);
    }

    @Override
    public Operand<TFloat32> decodeLogits(Ops tf, Operand<TFloat32> code) {
        return body.decodeLogits(tf, code);
    }
}
