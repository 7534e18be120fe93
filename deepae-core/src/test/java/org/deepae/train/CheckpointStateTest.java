package org.deepae.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deepae.io.JsonFiles;
import org.deepae.io.MetadataJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint's {@code state.json} written from its record and read back into it. */
class CheckpointStateTest {

    private static final CheckpointState STATE = new CheckpointState(
            2,
            List.of(new EpochStats(1, 0.5, 0.45, 0.4, 1.0), new EpochStats(2, 0.25, Double.NaN, 0.2, 1.5)),
            new CheckpointState.MonitorState(0.2, 2, 0, false));

    @Test
    void writesTheDocumentedBytes() {
        assertThat(new String(MetadataJson.bytes(STATE), StandardCharsets.UTF_8))
                .isEqualTo("""
                        {
                          "format" : "deepae-checkpoint",
                          "format_version" : 1,
                          "epoch" : 2,
                          "epochs" : [ {
                            "epoch" : 1,
                            "train_loss" : 0.5,
                            "validation_loss" : 0.45,
                            "test_loss" : 0.4,
                            "seconds" : 1.0
                          }, {
                            "epoch" : 2,
                            "train_loss" : 0.25,
                            "test_loss" : 0.2,
                            "seconds" : 1.5
                          } ],
                          "monitor" : {
                            "best" : 0.2,
                            "best_epoch" : 2,
                            "since_best" : 0,
                            "stopped" : false
                          }
                        }""");
    }

    @Test
    void readsBackWhatItWrites(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("state.json"), MetadataJson.bytes(STATE));
        assertThat(CheckpointState.read(JsonFiles.readObject(file))).isEqualTo(STATE);
    }

    @Test
    void keepsAMonitorThatHasSeenNoLoss(@TempDir Path dir) throws Exception {
        CheckpointState fresh = new CheckpointState(
                0, List.of(), new CheckpointState.MonitorState(Double.POSITIVE_INFINITY, 0, 0, false));
        byte[] bytes = MetadataJson.bytes(fresh);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"best\" : \"Infinity\"");
        Path file = Files.write(dir.resolve("state.json"), bytes);
        assertThat(CheckpointState.read(JsonFiles.readObject(file))).isEqualTo(fresh);
    }

    @Test
    void aCheckpointLoadsTheStateItsRecordWrites(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("state.json"), MetadataJson.bytes(STATE));
        Checkpoint checkpoint = Checkpoint.load(dir);
        assertThat(checkpoint.epoch()).isEqualTo(2);
        assertThat(checkpoint.epochs()).isEqualTo(STATE.epochs());
        assertThat(CheckpointState.MonitorState.of(checkpoint.monitor())).isEqualTo(STATE.monitor());
        assertThat(checkpoint.monitor().bestWeights()).isNull();
    }
}
