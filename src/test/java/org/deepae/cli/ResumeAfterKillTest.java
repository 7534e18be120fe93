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
import org.deepae.store.ModelDirectory;
import org.deepae.tf.TfAutoencoder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training in a child process killed with SIGKILL at several moments: the run directory always holds a loadable
 * model, and {@code --resume} ends with exactly the result of an uninterrupted run (same seed, one thread).
 */
class ResumeAfterKillTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> TRAIN = List.of("train", "--dataset", "mnist-sample", "--epochs", "3",
      "--threads", "1", "--seed", "7");

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
    assertThat(p.exitValue()).as(Files.readString(shared.resolve("reference.log"))).isZero();
    sample = new DatasetCatalog(shared.resolve("cache")).load("mnist-sample");
  }

  @Test
  void killedMidEpochResumesToTheSameResult() throws Exception {
    Path run = dir.resolve("run");
    Process p = start(run, dir.resolve("run.log"), TRAIN);
    waitFor(() -> completedEpochs(run) >= 1, p);
    Thread.sleep(150);
    Assumptions.assumeTrue(p.isAlive(), "training finished before it could be interrupted");
    kill(p);

    assertLoadableModel(run);
    assertThat(completedEpochs(run)).isBetween(1, 2);
    resumeAndCompare(run);
  }

  @Test
  void ctrlCStopsCleanlyAndSaysHowToResume() throws Exception {
    Path run = dir.resolve("run");
    Path log = dir.resolve("run.log");
    Process p = start(run, log, TRAIN);
    waitFor(() -> completedEpochs(run) >= 1, p);
    Assumptions.assumeTrue(p.isAlive(), "training finished before it could be interrupted");
    Process signal = new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start();
    assertThat(signal.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = Files.readString(log);
    assertThat(p.exitValue()).as(output).isEqualTo(130);
    assertThat(output).contains("deepae train: interrupted; " + run + " keeps the checkpoint after epoch",
        "continue with ./deepae train --resume " + run).doesNotContain("Exception");
    try (Stream<Path> entries = Files.list(run)) {
      assertThat(entries.map(e -> e.getFileName().toString())).noneMatch(n -> n.startsWith("."));
    }
    assertLoadableModel(run);
    resumeAndCompare(run);
  }

  @Test
  void killedWhileWritingACheckpointResumesToTheSameResult() throws Exception {
    Path run = dir.resolve("run");
    boolean caught = false;
    for (int attempt = 0; attempt < 3 && !caught; attempt++) {
      deleteTree(run);
      Process p = start(run, dir.resolve("run.log"), TRAIN);
      while (p.isAlive() && !caught) {
        if (completedEpochs(run) >= 1 && writingCheckpoint(run)) {
          kill(p);
          caught = true;
        }
        Thread.onSpinWait();
      }
      p.waitFor(60, TimeUnit.SECONDS);
    }
    Assumptions.assumeTrue(caught, "no checkpoint write was caught in progress in 3 runs");
    assertLoadableModel(run);
    resumeAndCompare(run);
  }

  @Test
  void ctrlCBeforeTheFirstEpochEndsLeavesNoRunDirectory() throws Exception {
    Path run = dir.resolve("run");
    Path log = dir.resolve("run.log");
    // batches of one image make the first epoch last seconds
    Process p = start(run, log, List.of("train", "--dataset", "mnist-sample", "--epochs", "1", "--batch-size", "1",
        "--threads", "1"));
    waitFor(() -> Files.exists(run.resolve("metrics.json")), p);
    Process signal = new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start();
    assertThat(signal.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = Files.readString(log);
    Assumptions.assumeFalse(output.contains("keeps the checkpoint"), "the first epoch ended before the interrupt");
    assertThat(p.exitValue()).as(output).isEqualTo(130);
    assertThat(output).contains("deepae train: interrupted before the first epoch ended; nothing to resume, "
        + "start again").doesNotContain("Exception");
    assertThat(run).doesNotExist();
  }

  private static void resumeAndCompare(Path run) throws Exception {
    Process resumed = start(null, run.resolveSibling("resume.log"), List.of("train", "--resume", run.toString()));
    assertThat(resumed.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(resumed.exitValue()).as(Files.readString(run.resolveSibling("resume.log"))).isZero();
    assertThat(Files.readString(run.resolveSibling("resume.log"))).contains("Resuming after epoch");

    assertThat(losses(run)).isEqualTo(losses(reference));
    try (TfAutoencoder a = ModelDirectory.load(run.resolve("model"), 1);
        TfAutoencoder b = ModelDirectory.load(reference.resolve("model"), 1)) {
      assertThat(a.parameters().get(0)).containsExactly(b.parameters().get(0));
      assertThat(a.reconstruct(sample.test().values(), 50)).containsExactly(b.reconstruct(sample.test().values(), 50));
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
      losses.add(List.of(e.path("train_loss").asDouble(), e.path("test_loss").asDouble()));
    }
    return losses;
  }

  private static int completedEpochs(Path run) {
    try {
      return JSON.readTree(run.resolve("checkpoint").resolve("state.json").toFile()).path("epoch").asInt();
    } catch (IOException e) {
      return 0;
    }
  }

  private static boolean writingCheckpoint(Path run) {
    try (Stream<Path> entries = Files.list(run)) {
      return entries.anyMatch(p -> p.getFileName().toString().startsWith(".checkpoint."));
    } catch (IOException e) {
      return false;
    }
  }

  private static Process start(Path out, Path log, List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(args);
    if (out != null) {
      command.addAll(List.of("--out", out.toString()));
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "1");
    return builder.start();
  }

  private static void kill(Process p) throws InterruptedException {
    p.destroyForcibly(); // SIGKILL on Linux
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  private static void waitFor(java.util.function.BooleanSupplier condition, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!condition.getAsBoolean()) {
      Assumptions.assumeTrue(p.isAlive(), "training ended before the moment to interrupt it");
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  private static void deleteTree(Path path) throws IOException {
    org.deepae.io.AtomicFiles.deleteRecursively(path);
  }
}
