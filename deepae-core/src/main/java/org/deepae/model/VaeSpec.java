package org.deepae.model;

import java.util.Optional;
import org.deepae.data.ImageShape;

/**
 * A variational autoencoder over a dense or convolutional body. The body's encoder, up to its code, gives two linear
 * heads of the code's size: the mean and the log-variance of a diagonal Gaussian over codes. Training draws a code
 * from it with the reparameterisation trick ({@code mean + exp(logvar / 2) * eps}, {@code eps} from stateless random
 * ops keyed by seed, epoch and step) and decodes it with the body's decoder. The loss per image is the reconstruction
 * term (the body's loss summed over the image's values: binary cross-entropy, or squared error) plus {@code beta}
 * times the KL divergence from the code distribution to N(0, I).
 *
 * @param body the network whose encoder and decoder the VAE uses: a {@link DenseSpec} or a {@link ConvSpec} with a
 *     dense code; its code activation must be linear (the heads are)
 * @param beta weight of the KL term, 0 or more (1 gives the ELBO)
 */
public record VaeSpec(NetworkSpec body, double beta) implements NetworkSpec {

    /** The default weight of the KL term: 1, the evidence lower bound itself. */
    public static final double DEFAULT_BETA = 1.0;

    public VaeSpec {
        if (body == null || body instanceof VaeSpec) {
            throw new IllegalArgumentException("a VAE's body is a dense or convolutional network");
        }
        if (body instanceof ConvSpec conv && !conv.hasDenseCode()) {
            throw new IllegalArgumentException("a convolutional VAE needs a dense code: give a code size");
        }
        Activation code = body.codeActivation();
        if (code != Activation.LINEAR) {
            throw new IllegalArgumentException(
                    "a VAE's code (its mean and log-variance) is linear, got a " + code.id() + " code activation");
        }
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be 0 or more, got " + beta);
        }
    }

    @Override
    public int inputSize() {
        return body.inputSize();
    }

    @Override
    public int codeSize() {
        return body.codeSize();
    }

    @Override
    public Loss loss() {
        return body.loss();
    }

    @Override
    public Activation outputActivation() {
        return body.outputActivation();
    }

    @Override
    public Activation codeActivation() {
        return Activation.LINEAR;
    }

    @Override
    public Initializer initializer() {
        return body.initializer();
    }

    /** The body's parameters and the log-variance head (a second code layer beside the mean's). */
    @Override
    public long parameterCount() {
        long head = logVarianceHeadSize();
        long count = body.parameterCount();
        return count == Long.MAX_VALUE || head == Long.MAX_VALUE || count + head < 0 ? Long.MAX_VALUE : count + head;
    }

    private long logVarianceHeadSize() {
        try {
            return Math.addExact(Math.multiplyExact(body.codeLayerInputSize(), (long) codeSize()), codeSize());
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public long codeLayerInputSize() {
        return body.codeLayerInputSize();
    }

    @Override
    public long largestWeightCount() {
        return body.largestWeightCount();
    }

    @Override
    public Optional<ImageShape> imageShape() {
        return body.imageShape();
    }

    @Override
    public String family() {
        return body instanceof ConvSpec ? "conv-vae" : "vae";
    }

    @Override
    public String describe() {
        return "vae " + body.describe() + (beta == DEFAULT_BETA ? "" : " beta " + beta);
    }
}
