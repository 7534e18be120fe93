package org.deepae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** --config, config.json, the training choices on the command line, and the checks of --resume. */
@Tag("slow")
class TrainConfigAndResumeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void configFileSetsOptionsThatTheCommandLineOverridesAndTheEffectiveConfigIsSaved() throws Exception {
        Path config = Files.writeString(dir.resolve("run.json"), """
        {"dataset": "mnist-sample", "layers": [32, 4], "epochs": 3, "batch-size": 1000, "activation": "elu",
         "code-activation": "linear", "output-activation": "sigmoid", "loss": "bce", "noise": "mask:0.1",
         "validation-split": 0.1, "early-stopping": "patience=3", "optimizer": "rmsprop", "learning-rate": 0.002,
         "weight-decay": 0.0001, "init": "glorot", "decoder-layers": [16]}""");
        Path out = dir.resolve("run");
        CommandRun run =
                CommandRun.of("train", "--config", config.toString(), "--epochs", "2", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Epoch 2/2", "validation loss");
        assertThat(run.err()).contains("Training 784-32-4-16-784 on mnist-sample", "RMSProp at 0.002");

        JsonNode saved = JSON.readTree(out.resolve("config.json").toFile());
        assertThat(saved.path("epochs").asInt()).isEqualTo(2);
        assertThat(saved.path("layers").toString()).isEqualTo("[32,4]");
        assertThat(saved.path("loss").asText()).isEqualTo("bce");
        assertThat(saved.has("out")).isFalse();
        JsonNode metrics = JSON.readTree(out.resolve("metrics.json").toFile()).path("config");
        assertThat(metrics.path("noise").asText()).isEqualTo("mask:0.1");
        assertThat(metrics.path("optimizer").asText()).isEqualTo("rmsprop");
        assertThat(metrics.path("decoder_layers").toString()).isEqualTo("[16]");

        // the saved configuration reproduces the run
        Path again = dir.resolve("again");
        CommandRun rerun =
                CommandRun.of("train", "--config", out.resolve("config.json").toString(), "--out", again.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(JSON.readTree(again.resolve("metrics.json").toFile()).path("final_test_loss"))
                .isEqualTo(JSON.readTree(out.resolve("metrics.json").toFile()).path("final_test_loss"));
    }

    @Test
    void tensorboardOptionWritesEventFiles() throws Exception {
        Path events = dir.resolve("tb");
        CommandRun run = CommandRun.of(
                "train",
                "--dataset",
                "mnist-sample",
                "--epochs",
                "1",
                "--layers",
                "16,4",
                "--batch-size",
                "1000",
                "--tensorboard",
                events.toString(),
                "--out",
                dir.resolve("run").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (var files = Files.list(events)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("events.out.tfevents"));
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--activation=swish                | unknown activation 'swish'",
                "--loss=bce                        | the bce loss needs a sigmoid output activation, got relu",
                "--loss=huber                      | unknown loss 'huber'",
                "--optimizer=lbfgs                 | unknown optimizer 'lbfgs'",
                "--noise=salt:0.1                  | unknown noise 'salt:0.1'",
                "--validation-split=1              | --validation-split must be in [0, 1), got 1.0",
                "--early-stopping=patience=0       | early stopping patience must be positive, got 0",
                "--weight-decay=-1                 | --weight-decay must be 0 or more, got -1.0",
                "--decoder-layers=0                | --decoder-layers must be positive sizes, got [0]",
                "--init=zeros                      | unknown initializer 'zeros'",
                "--precision=fp16                  | Invalid value for option '--precision': expected one of "
                        + "[FP32, BF16]",
                "--device=tpu                      | Invalid value for option '--device': expected one of [AUTO, "
                        + "CPU, GPU]",
            })
    void badTrainingChoicesAreBadOptions(String option, String message) {
        Path out = dir.resolve("run");
        CommandRun run = CommandRun.of("train", "--dataset", "mnist-sample", option, "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void badConfigFilesAreNamed() throws Exception {
        Path unknown = Files.writeString(dir.resolve("a.json"), "{\"epochz\": 3}");
        CommandRun run = CommandRun.of("train", "--config", unknown.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(unknown + ": 'epochz' is not an option of deepae train");

        Path broken = Files.writeString(dir.resolve("b.json"), "{\"epochs\": ");
        CommandRun bad = CommandRun.of("train", "--config", broken.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains(broken + ": invalid JSON");

        CommandRun missing =
                CommandRun.of("train", "--config", dir.resolve("none.json").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("none.json: no such file");
    }

    @Test
    void resumeChecksItsRunDirectory() throws Exception {
        CommandRun notARun = CommandRun.of("train", "--resume", dir.toString());
        assertThat(notARun.exitCode()).isEqualTo(1);
        assertThat(notARun.err()).contains(dir + ": not a deepae run directory to resume (no config.json)");

        Files.writeString(dir.resolve("config.json"), "{\"dataset\": \"mnist-sample\"}");
        CommandRun noCheckpoint = CommandRun.of("train", "--resume", dir.toString());
        assertThat(noCheckpoint.exitCode()).isEqualTo(1);
        assertThat(noCheckpoint.err()).contains("no checkpoint to resume from");

        CommandRun extra = CommandRun.of("train", "--resume", dir.toString(), "--epochs", "9");
        assertThat(extra.exitCode()).isEqualTo(2);
        assertThat(extra.err()).contains("--resume takes no other options", "--epochs");
    }

    @Test
    void saysWhichDeviceRunsAndRefusesAGpuThatIsNotThere() {
        CommandRun cpu = CommandRun.of(
                "train",
                "--dataset",
                "mnist-sample",
                "--epochs",
                "1",
                "--layers",
                "8,2",
                "--batch-size",
                "2000",
                "--device",
                "cpu",
                "--out",
                dir.resolve("cpu").toString());
        assertThat(cpu.exitCode()).as(cpu.err()).isZero();
        assertThat(cpu.err()).contains("Device: CPU; fp32");
        org.junit.jupiter.api.Assumptions.assumeFalse(org.deepae.tf.Devices.gpuAvailable(0), "this machine has a GPU");
        CommandRun gpu = CommandRun.of(
                "train",
                "--dataset",
                "mnist-sample",
                "--device",
                "gpu",
                "--out",
                dir.resolve("gpu").toString());
        assertThat(gpu.exitCode()).isEqualTo(1);
        assertThat(gpu.err()).contains("--device gpu: TensorFlow sees no GPU", "-Pgpu", "CUDA 12");
        assertThat(gpu.err().strip().lines()).hasSize(1);
    }
}
