package org.deepae.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.DoubleFunction;
import org.deepae.model.Autoencoder;
import org.deepae.store.ModelDirectory;
import org.deepae.store.ModelInfo;
import org.deepae.train.EpochStats;
import org.deepae.train.TrainingListener;

/** Saves the model directory after every epoch, so that an interrupted run still leaves a loadable model. */
public final class ModelSnapshot implements TrainingListener {

    private final Path dir;
    private final DoubleFunction<ModelInfo> info;

    /** @param info the model's metadata for a given test loss */
    public ModelSnapshot(Path dir, DoubleFunction<ModelInfo> info) {
        this.dir = dir;
        this.info = info;
    }

    @Override
    public void onEpochEnd(EpochStats stats, Autoencoder model) throws IOException {
        ModelDirectory.save(dir, model, info.apply(stats.testLoss()));
    }
}
