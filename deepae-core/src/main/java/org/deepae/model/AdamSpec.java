package org.deepae.model;

/**
 * Adam's settings. The defaults are the tutorial's: learning rate 0.01, beta1 0.9, beta2 0.999, epsilon 1e-8.
 *
 * @param learningRate step size, positive
 * @param beta1 decay of the first moment, in [0, 1)
 * @param beta2 decay of the second moment, in [0, 1)
 * @param epsilon added to the denominator, positive
 */
public record AdamSpec(double learningRate, double beta1, double beta2, double epsilon) implements OptimizerSpec {

    /** The tutorial's learning rate. */
    public static final double TUTORIAL_LEARNING_RATE = 0.01;

    public AdamSpec {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be positive, got " + epsilon);
        }
    }

    @Override
    public String id() {
        return "adam";
    }

    /** Adam with the given learning rate and the usual betas and epsilon. */
    public static AdamSpec withLearningRate(double learningRate) {
        return new AdamSpec(learningRate, 0.9, 0.999, 1e-8);
    }

    /** The tutorial's optimizer. */
    public static AdamSpec tutorial() {
        return withLearningRate(TUTORIAL_LEARNING_RATE);
    }
}
