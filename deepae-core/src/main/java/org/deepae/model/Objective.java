package org.deepae.model;

import java.util.Objects;

/**
 * What training minimizes and how: the optimizer, an L2 weight decay and input noise. The reconstruction loss itself
 * is part of the {@link NetworkSpec}.
 *
 * @param optimizer the optimizer
 * @param weightDecay L2 penalty: {@code weightDecay} times the sum of the squared weights (not biases) is added to the
 *     loss; 0 for none
 * @param noise input noise during training
 */
public record Objective(OptimizerSpec optimizer, double weightDecay, Noise noise) {
    public Objective {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(noise, "noise");
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be 0 or more, got " + weightDecay);
        }
    }

    /** Just the optimizer: no weight decay, no noise. */
    public static Objective of(OptimizerSpec optimizer) {
        return new Objective(optimizer, 0, new Noise.None());
    }
}
