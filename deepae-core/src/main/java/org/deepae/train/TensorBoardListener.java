package org.deepae.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deepae.data.Rows;
import org.deepae.model.Autoencoder;
import org.deepae.tf.TensorBoardWriter;
import org.deepae.tf.TfAutoencoder;

/**
 * Writes TensorBoard event files: the batch loss every {@code batchInterval} steps, the training, validation and test
 * loss per epoch, reconstructions of a few fixed test images each epoch (their originals once), and histograms of
 * each layer's weights and biases.
 */
public final class TensorBoardListener implements TrainingListener {

    private final Path logDir;
    private final Rows shown;
    private final int batchInterval;
    private TensorBoardWriter writer;
    private TrainingPlan plan;

    /**
     * @param logDir where the event files go
     * @param shown the images whose reconstructions are shown each epoch (a few, for example 8)
     * @param batchInterval write the batch loss every this many steps
     */
    public TensorBoardListener(Path logDir, Rows shown, int batchInterval) {
        if (batchInterval <= 0) {
            throw new IllegalArgumentException("batch interval must be positive, got " + batchInterval);
        }
        this.logDir = logDir;
        this.shown = shown;
        this.batchInterval = batchInterval;
    }

    @Override
    public void onTrainingBegin(TrainingPlan plan) throws IOException {
        this.plan = plan;
        writer = TensorBoardWriter.open(logDir);
        if (showsImages()) {
            writer.images(
                    "images/original",
                    0,
                    shown.values(),
                    shown.count(),
                    shown.imageHeight(),
                    shown.imageWidth(),
                    shown.count());
        }
    }

    @Override
    public void onBatchEnd(int epoch, int step, int rows, float loss) {
        long globalStep = (long) (epoch - 1) * plan.stepsPerEpoch() + step;
        if (globalStep % batchInterval == 0 && writer != null) {
            writer.scalar("loss/batch", globalStep, loss);
        }
    }

    @Override
    public void onEpochEnd(EpochStats stats, Autoencoder model) {
        long step = stats.epoch();
        writer.scalar("loss/train", step, stats.trainLoss());
        if (stats.hasValidation()) {
            writer.scalar("loss/validation", step, stats.validationLoss());
        }
        if (Double.isFinite(stats.testLoss())) {
            writer.scalar("loss/test", step, stats.testLoss());
            if (stats.testTerms() != null) {
                writer.scalar(
                        "loss/test_reconstruction", step, stats.testTerms().reconstruction());
                writer.scalar("loss/test_kl", step, stats.testTerms().divergence());
            }
        }
        if (showsImages()) {
            float[] reconstructed = model.reconstruct(shown.values(), shown.count());
            writer.images(
                    "images/reconstruction",
                    step,
                    reconstructed,
                    shown.count(),
                    shown.imageHeight(),
                    shown.imageWidth(),
                    shown.count());
        }
        if (model instanceof TfAutoencoder tf) {
            List<float[]> parameters = tf.parameters();
            List<String> names = tf.parameterNames();
            for (int i = 0; i < parameters.size(); i++) {
                writer.histogram(histogramTag(names.get(i)), step, parameters.get(i));
            }
        }
        writer.flush();
    }

    /** {@code weights/dense0} for the variable {@code dense0_w}, {@code biases/conv1} for {@code conv1_b}. */
    static String histogramTag(String variable) {
        if (variable.endsWith("_w")) {
            return "weights/" + variable.substring(0, variable.length() - 2);
        }
        if (variable.endsWith("_b")) {
            return "biases/" + variable.substring(0, variable.length() - 2);
        }
        return "variables/" + variable;
    }

    /** Whether there are grayscale images to show (tables and colour images are not drawn). */
    private boolean showsImages() {
        return shown.count() > 0 && shown.isImages() && shown.shape().isGray();
    }

    @Override
    public void onTrainingEnd(TrainingHistory history, boolean completed) {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
