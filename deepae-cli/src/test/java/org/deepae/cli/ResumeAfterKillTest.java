package org.deepae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.deepae.data.Dataset;
import org.deepae.data.DatasetCatalog;
import org.deepae.io.PausePoints;
import org.deepae.store.ModelDirectory;
import org.deepae.tf.TfAutoencoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training in a child process killed with SIGKILL, or interrupted, at chosen moments (where {@link PausePoints} stops
 * it, so that no test races the process): the run directory always holds a loadable model, and {@code --resume} ends
 * with exactly the result of an uninterrupted run (same seed, one thread).
 */
@Tag("slow")
class ResumeAfterKillTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** mnist-sample's 8,000 training images in batches of 150. */
    private static final int STEPS_PER_EPOCH = 54;

    private static final List<String> TRAIN =
            List.of("train", "--dataset", "mnist-sample", "--epochs", "2", "--threads", "1", "--seed", "7");

    @TempDir
    static Path shared;

    private static Path reference;
    private static Dataset sample;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainWithoutInterruption() throws Exception {
        reference = shared.resolve("reference");
        Process p = start(reference, shared.resolve("reference.log"), TRAIN);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue())
                .as(Files.readString(shared.resolve("reference.log")))
                .isZero();
        sample = new DatasetCatalog(shared.resolve("cache")).load("mnist-sample");
    }

    /** A convolutional VAE: TensorFlow's gradients, and a code drawn at every step from the step's seed. */
    private static final List<String> TRAIN_CONV_VAE = List.of(
            "train",
            "--dataset",
            "mnist-sample",
            "--epochs",
            "2",
            "--threads",
            "1",
            "--seed",
            "7",
            "--arch",
            "conv-vae",
            "--filters",
            "4",
            "--code-size",
            "2",
            "--noise",
            "gaussian:0.1");

    @Test
    void aConvolutionalVaeKilledMidEpochResumesToTheSameResult() throws Exception {
        Path vaeReference = dir.resolve("vae-reference");
        Process done = start(vaeReference, dir.resolve("vae-reference.log"), TRAIN_CONV_VAE);
        assertThat(done.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(done.exitValue())
                .as(Files.readString(dir.resolve("vae-reference.log")))
                .isZero();
        Path run = dir.resolve("run");
        Process p = startPaused(run, "train-step@" + (STEPS_PER_EPOCH + 6), TRAIN_CONV_VAE);
        kill(p);

        assertLoadableModel(run);
        assertThat(completedEpochs(run)).isEqualTo(1);
        resumeAndCompare(run, vaeReference);
        try (TfAutoencoder a = ModelDirectory.load(run.resolve("model"), 1);
                TfAutoencoder b = ModelDirectory.load(vaeReference.resolve("model"), 1)) {
            assertThat(a.sample(5, 3)).containsExactly(b.sample(5, 3));
        }
    }

    @Test
    void killedMidEpochResumesToTheSameResult() throws Exception {
        Path run = dir.resolve("run");
        Process p = startPaused(run, "train-step@" + (STEPS_PER_EPOCH + 6), TRAIN);
        kill(p);

        assertLoadableModel(run);
        assertThat(completedEpochs(run)).isEqualTo(1);
        resumeAndCompare(run);
    }

    @Test
    void ctrlCStopsCleanlyAndSaysHowToResume() throws Exception {
        Path run = dir.resolve("run");
        Process p = startPaused(run, "train-step@" + (STEPS_PER_EPOCH + 6), TRAIN);
        interrupt(p);
        String output = Files.readString(dir.resolve("run.log"));
        assertThat(p.exitValue()).as(output).isEqualTo(130);
        assertThat(output)
                .contains(
                        "deepae train: interrupted; " + run + " keeps the checkpoint after epoch 1",
                        "continue with ./deepae train --resume " + run)
                .doesNotContain("Exception");
        try (Stream<Path> entries = Files.list(run)) {
            assertThat(entries.map(e -> e.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
        assertLoadableModel(run);
        resumeAndCompare(run);
    }

    @Test
    void killedWithTheNewCheckpointWrittenButNotInPlaceResumesToTheSameResult() throws Exception {
        Path run = dir.resolve("run");
        // the second checkpoint (after epoch 2) is complete in its temporary directory; the first is still in place
        Process p = startPaused(run, "directory-written:checkpoint@2", TRAIN);
        kill(p);

        assertThat(leftovers(run)).anyMatch(n -> n.startsWith(".checkpoint.") && n.endsWith(".part"));
        assertLoadableModel(run);
        assertThat(completedEpochs(run)).isEqualTo(1);
        resumeAndCompare(run);
    }

    @Test
    void killedWithTheOldCheckpointMovedAsideResumesToTheSameResult() throws Exception {
        Path run = dir.resolve("run");
        // the one moment of a replacement when checkpoint/ does not exist: the old one is aside, the new one not in
        // place
        Process p = startPaused(run, "directory-moved-aside:checkpoint", TRAIN);
        kill(p);

        assertThat(run.resolve("checkpoint")).doesNotExist();
        assertThat(leftovers(run)).anyMatch(n -> n.startsWith(".checkpoint.") && n.endsWith(".old"));
        assertLoadableModel(run);
        resumeAndCompare(run);
    }

    @Test
    void ctrlCBeforeTheFirstEpochEndsLeavesNoRunDirectory() throws Exception {
        Path run = dir.resolve("run");
        Process p = startPaused(
                run, "train-step@5", List.of("train", "--dataset", "mnist-sample", "--epochs", "1", "--threads", "1"));
        interrupt(p);
        String output = Files.readString(dir.resolve("run.log"));
        assertThat(p.exitValue()).as(output).isEqualTo(130);
        assertThat(output)
                .contains("deepae train: interrupted before the first epoch ended; nothing to resume, start again")
                .doesNotContain("Exception");
        assertThat(run).doesNotExist();
    }

    private static void resumeAndCompare(Path run) throws Exception {
        resumeAndCompare(run, reference);
    }

    private static void resumeAndCompare(Path run, Path reference) throws Exception {
        Process resumed = start(null, run.resolveSibling("resume.log"), List.of("train", "--resume", run.toString()));
        assertThat(resumed.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(resumed.exitValue())
                .as(Files.readString(run.resolveSibling("resume.log")))
                .isZero();
        assertThat(Files.readString(run.resolveSibling("resume.log"))).contains("Resuming after epoch");

        assertThat(losses(run)).isEqualTo(losses(reference));
        try (TfAutoencoder a = ModelDirectory.load(run.resolve("model"), 1);
                TfAutoencoder b = ModelDirectory.load(reference.resolve("model"), 1)) {
            assertThat(a.parameters().get(0)).containsExactly(b.parameters().get(0));
            assertThat(a.reconstruct(sample.test().values(), 50))
                    .containsExactly(b.reconstruct(sample.test().values(), 50));
        }
    }

    private static void assertLoadableModel(Path run) throws IOException {
        try (TfAutoencoder model = ModelDirectory.load(run.resolve("model"), 1)) {
            assertThat(model.reconstruct(sample.test().values(), 3)).hasSize(3 * 784);
        }
    }

    private static List<List<Double>> losses(Path run) throws IOException {
        List<List<Double>> losses = new ArrayList<>();
        for (JsonNode e : JSON.readTree(run.resolve("metrics.json").toFile()).path("epochs")) {
            losses.add(
                    List.of(e.path("train_loss").asDouble(), e.path("test_loss").asDouble()));
        }
        return losses;
    }

    private static int completedEpochs(Path run) {
        try {
            return JSON.readTree(run.resolve("checkpoint").resolve("state.json").toFile())
                    .path("epoch")
                    .asInt();
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<String> leftovers(Path run) throws IOException {
        try (Stream<Path> entries = Files.list(run)) {
            return entries.map(e -> e.getFileName().toString())
                    .filter(n -> n.startsWith("."))
                    .toList();
        }
    }

    /**
     * Starts training that stops at {@code pauseAt} (see {@link PausePoints}) and returns once it has: the test then
     * kills or interrupts it at exactly that moment.
     */
    private Process startPaused(Path out, String pauseAt, List<String> args) throws Exception {
        Path paused = dir.resolve("paused");
        Path log = dir.resolve("run.log");
        Process p = start(
                out,
                log,
                args,
                "-D" + PausePoints.PAUSE_AT + "=" + pauseAt,
                "-D" + PausePoints.PAUSE_FILE + "=" + paused);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(paused)) {
            assertThat(p.isAlive())
                    .as("training reaches %s before it ends: %s", pauseAt, log)
                    .isTrue();
            assertThat(System.nanoTime())
                    .as("training reaches %s within two minutes", pauseAt)
                    .isLessThan(deadline);
            Thread.sleep(5);
        }
        return p;
    }

    private static Process start(Path out, Path log, List<String> args, String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        if (out != null) {
            command.addAll(List.of("--out", out.toString()));
        }
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "1");
        return builder.start();
    }

    private static void kill(Process p) throws InterruptedException {
        p.destroyForcibly(); // SIGKILL on Linux
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static void interrupt(Process p) throws Exception {
        Process signal = new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start();
        assertThat(signal.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
}
