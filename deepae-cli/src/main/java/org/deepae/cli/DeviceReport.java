package org.deepae.cli;

import java.io.PrintWriter;
import org.deepae.tf.Devices;
import org.deepae.train.TrainingConfig;
import org.deepae.train.TrainingListener;
import org.deepae.train.TrainingPlan;

/** Says which device and precision run the training, once its session exists. */
final class DeviceReport implements TrainingListener {

    private final PrintWriter err;
    private final TrainingConfig config;

    DeviceReport(PrintWriter err, TrainingConfig config) {
        this.err = err;
        this.config = config;
    }

    @Override
    public void onTrainingBegin(TrainingPlan plan) {
        err.println("Device: " + Devices.describe(config.device(), config.threads()) + "; "
                + config.precision().id() + (config.threads() == 0 ? "" : "; " + config.threads() + " threads"));
        err.flush();
    }
}
