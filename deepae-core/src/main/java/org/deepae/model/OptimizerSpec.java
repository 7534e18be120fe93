package org.deepae.model;

import java.util.Locale;

/** An optimizer and its settings. */
public sealed interface OptimizerSpec
        permits AdamSpec, OptimizerSpec.Sgd, OptimizerSpec.Momentum, OptimizerSpec.RmsProp, OptimizerSpec.Adagrad {

    /** The step size. */
    double learningRate();

    /** The optimizer's name on the command line and in files. */
    String id();

    /** Plain stochastic gradient descent. */
    record Sgd(double learningRate) implements OptimizerSpec {
        public Sgd {
            requirePositive("learning rate", learningRate);
        }

        @Override
        public String id() {
            return "sgd";
        }
    }

    /** Gradient descent with momentum, optionally Nesterov's. */
    record Momentum(double learningRate, double momentum, boolean nesterov) implements OptimizerSpec {
        public Momentum {
            requirePositive("learning rate", learningRate);
            requireUnit("momentum", momentum);
        }

        @Override
        public String id() {
            return "momentum";
        }
    }

    /** RMSProp: {@code decay} is the moving average's discount (rho). */
    record RmsProp(double learningRate, double decay, double momentum, double epsilon) implements OptimizerSpec {
        public RmsProp {
            requirePositive("learning rate", learningRate);
            requireUnit("decay", decay);
            requireUnit("momentum", momentum);
            requirePositive("epsilon", epsilon);
        }

        @Override
        public String id() {
            return "rmsprop";
        }
    }

    /** AdaGrad with an initial accumulator value. */
    record Adagrad(double learningRate, double initialAccumulator) implements OptimizerSpec {
        public Adagrad {
            requirePositive("learning rate", learningRate);
            requirePositive("initial accumulator", initialAccumulator);
        }

        @Override
        public String id() {
            return "adagrad";
        }
    }

    /**
     * The optimizer named {@code name} with the given learning rate and the usual defaults for its other settings
     * (those of TensorFlow's framework optimizers).
     */
    static OptimizerSpec named(String name, double learningRate) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "adam" -> AdamSpec.withLearningRate(learningRate);
            case "sgd" -> new Sgd(learningRate);
            case "momentum" -> new Momentum(learningRate, 0.9, false);
            case "rmsprop" -> new RmsProp(learningRate, 0.9, 0.0, 1e-10);
            case "adagrad" -> new Adagrad(learningRate, 0.01);
            default ->
                throw new IllegalArgumentException(
                        "unknown optimizer '" + name + "' (expected adam, sgd, momentum, rmsprop or adagrad)");
        };
    }

    private static void requirePositive(String what, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be a positive number, got " + value);
        }
    }

    private static void requireUnit(String what, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1), got " + value);
        }
    }
}
