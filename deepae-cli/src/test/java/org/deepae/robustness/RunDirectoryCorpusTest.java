package org.deepae.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Directories that are not deepae's to fill or replace (the file system root, the home directory, a directory of
 * other files), refused before anything is written; and runs that fail before their first epoch ends, which leave
 * nothing behind.
 */
@Timeout(60)
@Tag("slow")
class RunDirectoryCorpusTest {
    @TempDir
    static Path shared;

    private static Path model;
    private static Path data;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainTinyModel() throws IOException {
        model = TinyModel.train(shared);
        data = shared.resolve("data");
    }

    private static String[] train(Path out, String... extra) {
        String[] base = TinyModel.trainArgs(data, out);
        String[] all = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    private static String[] names(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void trainOverwriteRefusesTheFileSystemRootBeforeAnyWrite() throws IOException {
        Path root = Path.of("/");
        Assumptions.assumeFalse(Files.exists(root.resolve("config.json")), "the root already holds a config.json");
        // the data is missing, so even a train that accepted --out / would stop before writing anything
        Path noData = Files.createDirectory(dir.resolve("no-data"));
        String[] args = TinyModel.trainArgs(noData, root);
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--overwrite";
        Cli.run(all).failsCleanly(2, "train", "--out /", "the file system root");
        assertThat(root.resolve("config.json")).doesNotExist();
    }

    @Test
    void trainOverwriteRefusesTheHomeDirectory() throws IOException {
        Path home = Files.createDirectory(dir.resolve("home"));
        Path profile = Hostile.write(home.resolve(".profile"), "PATH=/bin");
        String before = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            Cli.run(train(home, "--overwrite")).failsCleanly(2, "train", "--out " + home, "home directory");
        } finally {
            System.setProperty("user.home", before);
        }
        assertThat(names(home)).containsExactly(".profile");
        assertThat(profile).hasContent("PATH=/bin");
    }

    @Test
    void trainOverwriteRefusesADirectoryHoldingOtherFiles() throws IOException {
        Path project = Files.createDirectory(dir.resolve("project"));
        Path notes = Hostile.write(project.resolve("notes.txt"), "mine");
        Path mine = Hostile.write(project.resolve("model").resolve("weights.bin"), "my weights");
        Cli.run(train(project, "--overwrite"))
                .failsCleanly(2, "train", "--out " + project, "notes.txt", "not a deepae run directory");
        assertThat(names(project)).containsExactly("model", "notes.txt");
        assertThat(notes).hasContent("mine");
        assertThat(mine).hasContent("my weights");
    }

    @Test
    void trainOverwriteReplacesAPreviousRunEntirely() throws IOException {
        Path run = dir.resolve("run");
        Cli.run(train(run)).succeeds();
        Path stale = Hostile.write(run.resolve(".metrics.json.0123abc.part"), "left by a crash");
        Cli.run(train(run, "--overwrite", "--seed", "5")).succeeds();
        assertThat(stale).doesNotExist();
        assertThat(run.resolve("config.json")).content().contains("\"seed\" : 5");
        assertThat(run.resolve("model/model.json")).exists();
    }

    @Test
    void resumeRefusesARunDirectoryHoldingOtherFiles() throws IOException {
        Path run = dir.resolve("run");
        Cli.run(train(run)).succeeds();
        Path notes = Hostile.write(run.resolve("notes.txt"), "mine");
        Cli.run("train", "--resume", run.toString()).failsCleanly(2, "train", "--resume " + run, "notes.txt");
        assertThat(notes).hasContent("mine");
    }

    @Test
    void exportOverwriteRefusesADirectoryThatIsNotAModel() throws IOException {
        Path out = Files.createDirectory(dir.resolve("saved"));
        Path keep = Hostile.write(out.resolve("keep.txt"), "x");
        Cli.run("export", "--model", model.toString(), "--out", out.toString(), "--overwrite")
                .failsCleanly(2, "export", "--out " + out, "not a deepae model");
        assertThat(names(out)).containsExactly("keep.txt");
        assertThat(keep).hasContent("x");
    }

    @Test
    void exportOverwriteReplacesAnEarlierExport() throws IOException {
        Path out = dir.resolve("saved");
        Cli.run("export", "--model", model.toString(), "--out", out.toString()).succeeds();
        Cli.run("export", "--model", model.toString(), "--out", out.toString(), "--overwrite")
                .succeeds();
        assertThat(out.resolve("saved_model.pb")).exists();
    }

    @Test
    void exportRefusesTheHomeDirectory() throws IOException {
        Path home = Files.createDirectory(dir.resolve("home"));
        Hostile.write(home.resolve("saved_model.pb"), "not mine to replace");
        String before = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            Cli.run("export", "--model", model.toString(), "--out", home.toString(), "--overwrite")
                    .failsCleanly(2, "export", "--out " + home, "home directory");
        } finally {
            System.setProperty("user.home", before);
        }
        assertThat(names(home)).containsExactly("saved_model.pb");
    }

    /** A run whose loss becomes NaN at the second of its batches of one image. */
    private static String[] diverging(Path out, String... extra) {
        String[] base = {
            "train",
            "--dataset",
            data.toString(),
            "--epochs",
            "1",
            "--layers",
            "8,2",
            "--batch-size",
            "1",
            "--threads",
            "1",
            "--learning-rate",
            "1e30",
            "--out",
            out.toString()
        };
        String[] all = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void aRunThatDivergesInItsFirstEpochLeavesNoRunDirectory() throws IOException {
        Path run = dir.resolve("runs").resolve("run");
        Cli.run(diverging(run)).failsCleanlyAfterProgress(1, "train", "diverged", "left nothing");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void aRunThatFailsBeforeItsFirstEpochEndsEmptiesTheDirectoryItReused() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Cli.run(diverging(empty)).failsCleanlyAfterProgress(1, "train", "diverged", "left nothing");
        assertThat(names(empty)).isEmpty();

        Path run = dir.resolve("run");
        Cli.run(train(run)).succeeds();
        Cli.run(diverging(run, "--overwrite")).failsCleanlyAfterProgress(1, "train", "diverged", "left nothing");
        assertThat(names(run))
                .as("the earlier run was replaced, the new one left nothing")
                .isEmpty();
    }

    @Test
    void aRunThatFailsAfterItsFirstEpochKeepsTheCheckpointAndSaysHowToResume() throws IOException {
        // at learning rates from 3,000 to 23,000 this tiny network survives two epochs and diverges in its third
        Path run = dir.resolve("run");
        String[] args = {
            "train",
            "--dataset",
            data.toString(),
            "--epochs",
            "4",
            "--layers",
            "8,2",
            "--batch-size",
            "6",
            "--threads",
            "1",
            "--learning-rate",
            "1e4",
            "--out",
            run.toString()
        };
        Cli.run(args)
                .failsCleanlyAfterProgress(
                        1,
                        "train",
                        "diverged",
                        run + " keeps the checkpoint of its last completed epoch",
                        "--resume " + run);
        assertThat(run.resolve("checkpoint/state.json")).exists();
    }

    @Test
    void aFirstEpochWhoseLastUpdateBreaksTheWeightsIsADivergenceAndLeavesNothing() throws IOException {
        // every step's loss is finite (it is the loss before the step's update), but the last update makes the weights
        // NaN: this was checkpointed as a good epoch, and the run failed later at the anomaly threshold
        Path run = dir.resolve("run");
        Cli.run(train(run, "--learning-rate", "1e30"))
                .failsCleanlyAfterProgress(
                        1, "train", "training diverged: the test loss after epoch 1 was ", "left nothing");
        assertThat(run).doesNotExist();
    }

    @Test
    void aRunWhoseTensorBoardDirectoryCannotBeCreatedLeavesNothing() throws IOException {
        Path proc = Path.of("/proc");
        Assumptions.assumeTrue(Files.isDirectory(proc.resolve("self")), "no /proc file system");
        Path tensorboard = proc.resolve("deepae-tensorboard");
        Path run = dir.resolve("run");
        Cli.run(train(run, "--tensorboard", tensorboard.toString()))
                .failsCleanlyAfterProgress(1, "train", tensorboard.toString(), "left nothing");
        assertThat(run).doesNotExist();
        assertThat(tensorboard).doesNotExist();
    }

    @Test
    void tensorBoardBelowAFileIsABadOptionBeforeAnyWork() throws IOException {
        Path file = Hostile.write(dir.resolve("file.txt"), "a file");
        Path run = dir.resolve("run");
        Cli.run(train(run, "--tensorboard", file.resolve("tb").toString()))
                .failsCleanly(2, "train", "--tensorboard " + file.resolve("tb"), file + " is a file, not a directory");
        assertThat(run).doesNotExist();
        assertThat(file).hasContent("a file");
    }
}
