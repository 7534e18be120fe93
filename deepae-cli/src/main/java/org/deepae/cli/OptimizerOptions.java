package org.deepae.cli;

import org.deepae.model.AdamSpec;
import org.deepae.model.Noise;
import org.deepae.model.OptimizerSpec;
import org.deepae.train.EarlyStopping;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options of the optimization: optimizer and its settings, weight decay, noise, validation, early stopping. */
final class OptimizerOptions {

    @Option(
            names = "--optimizer",
            paramLabel = "NAME",
            defaultValue = "adam",
            description = "adam, sgd, momentum, rmsprop or adagrad (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(
            names = "--learning-rate",
            paramLabel = "RATE",
            defaultValue = "0.01",
            description = "Learning rate (default: ${DEFAULT-VALUE}, the tutorial's; 0.001 for vae and conv-vae).")
    double learningRate;

    @Option(names = "--beta1", paramLabel = "X", description = "Adam's beta1 (default: 0.9).")
    Double beta1;

    @Option(names = "--beta2", paramLabel = "X", description = "Adam's beta2 (default: 0.999).")
    Double beta2;

    @Option(names = "--epsilon", paramLabel = "X", description = "Adam's (1e-8) or RMSProp's (1e-10) epsilon.")
    Double epsilon;

    @Option(names = "--momentum", paramLabel = "X", description = "Momentum of momentum (0.9) or rmsprop (0).")
    Double momentum;

    @Option(names = "--nesterov", description = "Nesterov momentum (with --optimizer momentum).")
    boolean nesterov;

    @Option(names = "--rho", paramLabel = "X", description = "RMSProp's decay (default: 0.9).")
    Double rho;

    @Option(names = "--initial-accumulator", paramLabel = "X", description = "AdaGrad's initial accumulator (0.01).")
    Double initialAccumulator;

    @Option(
            names = "--weight-decay",
            paramLabel = "X",
            defaultValue = "0",
            description =
                    "L2 penalty: X times the sum of squared weights is added to the loss (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(
            names = "--noise",
            paramLabel = "SPEC",
            defaultValue = "none",
            description =
                    "Denoising: none, gaussian:STDDEV or mask:FRACTION, applied to the input only (default: none).")
    String noise;

    @Option(
            names = "--validation-split",
            paramLabel = "F",
            defaultValue = "0",
            description =
                    "Fraction of the training images held out (seeded) for validation (default: ${DEFAULT-VALUE}).")
    double validationSplit;

    @Option(
            names = "--early-stopping",
            paramLabel = "patience=N,min-delta=X",
            description =
                    "Stop when the validation loss (else the training loss) stops improving; keep the best weights.")
    String earlyStopping;

    /** The optimizer, or a bad-option error. */
    OptimizerSpec optimizer(CommandLine cl) {
        try {
            OptimizerSpec base = OptimizerSpec.named(optimizer, learningRate);
            if (base instanceof AdamSpec a) {
                return new AdamSpec(learningRate, or(beta1, a.beta1()), or(beta2, a.beta2()), or(epsilon, a.epsilon()));
            }
            if (base instanceof OptimizerSpec.Momentum m) {
                return new OptimizerSpec.Momentum(learningRate, or(momentum, m.momentum()), nesterov);
            }
            if (base instanceof OptimizerSpec.RmsProp r) {
                return new OptimizerSpec.RmsProp(
                        learningRate, or(rho, r.decay()), or(momentum, r.momentum()), or(epsilon, r.epsilon()));
            }
            if (base instanceof OptimizerSpec.Adagrad a) {
                return new OptimizerSpec.Adagrad(learningRate, or(initialAccumulator, a.initialAccumulator()));
            }
            return base;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(
                    cl, "--" + (e.getMessage().startsWith("learning rate") ? "" : "optimizer: ") + e.getMessage());
        }
    }

    Noise noise(CommandLine cl) {
        try {
            return Noise.parse(noise);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, "--noise: " + e.getMessage());
        }
    }

    EarlyStopping earlyStopping(CommandLine cl) {
        try {
            return earlyStopping == null ? null : EarlyStopping.parse(earlyStopping);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, "--early-stopping: " + e.getMessage());
        }
    }

    private static double or(Double value, double otherwise) {
        return value == null ? otherwise : value;
    }

    /** The optimizer's name for people: Adam, SGD, momentum, RMSProp, AdaGrad. */
    static String displayName(OptimizerSpec optimizer) {
        String id = optimizer.id();
        return id.equals("adam")
                ? "Adam"
                : id.equals("sgd")
                        ? "SGD"
                        : id.equals("rmsprop") ? "RMSProp" : id.equals("adagrad") ? "AdaGrad" : "momentum";
    }
}
