package org.deepae.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a checkpoint's {@code state.json}: strictly, naming the file and the field. */
class CheckpointTest {

    private static final String STATE = "{\"format\": \"deepae-checkpoint\", \"format_version\": 1, \"epoch\": 2, "
            + "\"epochs\": [{\"epoch\": 1, \"train_loss\": 0.5, \"test_loss\": 0.4, \"seconds\": 1.0}, {\"epoch\": 2, "
            + "\"train_loss\": 0.25, \"test_loss\": 0.2, \"seconds\": 1.0}], \"monitor\": {\"best\": 0.2, "
            + "\"best_epoch\": 2, "
            + "\"since_best\": 0, \"stopped\": false}}";

    @TempDir
    Path dir;

    @Test
    void readsAState() throws Exception {
        Files.writeString(dir.resolve("state.json"), STATE);
        Checkpoint checkpoint = Checkpoint.load(dir);
        assertThat(checkpoint.epoch()).isEqualTo(2);
        assertThat(checkpoint.epochs()).hasSize(2);
        assertThat(checkpoint.monitor().best()).isEqualTo(0.2);
        assertThat(checkpoint.monitor().bestEpoch()).isEqualTo(2);
        assertThat(checkpoint.monitor().stopped()).isFalse();
    }

    @Test
    void refusesTrailingContentAndDuplicateKeys() throws Exception {
        Path file = Files.writeString(dir.resolve("state.json"), STATE + "}}}");
        assertThatThrownBy(() -> Checkpoint.load(dir))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": invalid JSON");
        Files.writeString(file, STATE.replace("\"epoch\": 2,", "\"epoch\": 2, \"epoch\": 7,"));
        assertThatThrownBy(() -> Checkpoint.load(dir)).hasMessageContaining("Duplicate field 'epoch'");
    }

    @Test
    void refusesFieldsOfTheWrongKind() throws Exception {
        Path file = Files.writeString(
                dir.resolve("state.json"), STATE.replaceFirst("\"epoch\": 2,", "\"epoch\": 4294967298,"));
        assertThatThrownBy(() -> Checkpoint.load(dir))
                .hasMessage(file + ": epoch: expected an integer from 0 to 2147483647, found 4294967298");
        Files.writeString(file, STATE.replace("\"stopped\": false", "\"stopped\": \"no\""));
        assertThatThrownBy(() -> Checkpoint.load(dir))
                .hasMessage(file + ": monitor.stopped: expected true or false, found \"no\" (a string)");
        Files.writeString(file, STATE.replace("\"best_epoch\": 2", "\"best_epoch\": 2.5"));
        assertThatThrownBy(() -> Checkpoint.load(dir))
                .hasMessageStartingWith(file + ": monitor.best_epoch: expected an integer");
    }
}
