package org.deepae.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code deepae bench} on a short synthetic epoch: what it reports, not how fast this machine is. */
@Tag("slow")
class BenchCommandTest {

    @Test
    void theConvolutionalBenchReportsItsStepAgainstTheConvolutionRate() throws Exception {
        CommandRun run = CommandRun.of(
                "bench",
                "--arch",
                "conv",
                "--rows",
                "300",
                "--matmul-seconds",
                "0.1",
                "--threads",
                "1",
                "--warm-up-steps",
                "2",
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("network").asText()).isEqualTo("28x28 conv 32,64 k3 -> 7x7x64 -> code 32");
        // per image: 5 ops of the first layer's shape (2 x 14 x 14 x 32 x 9 x 1 each), 6 of the second's
        // (2 x 7 x 7 x 64 x 9 x 32) and 6 products of the 3,136 x 32 code layers (2 x 3,136 x 32)
        assertThat(json.path("training_flops_per_image").asDouble())
                .isEqualTo(5 * 112_896.0 + 6 * 1_806_336.0 + 6 * 200_704.0);
        for (String part : new String[] {"training", "encode", "reconstruct"}) {
            JsonNode node = json.path(part);
            assertThat(node.path("images_per_second").asDouble()).as(part).isPositive();
            assertThat(node.path("ratio").asDouble())
                    .as(part)
                    .isCloseTo(
                            node.path("gflops").asDouble()
                                    / node.path("bound_gflops").asDouble(),
                            within(1e-9));
        }
        assertThat(CommandRun.of("bench", "--arch", "rnn").err()).contains("--arch must be dense or conv, got 'rnn'");
    }

    @Test
    void reportsConsistentFiguresAsJson() throws Exception {
        CommandRun run = CommandRun.of(
                "bench",
                "--rows",
                "300",
                "--matmul-seconds",
                "0.1",
                "--threads",
                "1",
                "--warm-up-steps",
                "3",
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("network").asText()).isEqualTo("784-392-196-392-784");
        assertThat(json.path("threads").asInt()).isEqualTo(1);
        double flopsPerImage = json.path("training_flops_per_image").asDouble();
        assertThat(flopsPerImage).isEqualTo(3_995_264.0);
        for (String part : new String[] {"training", "encode", "reconstruct"}) {
            JsonNode node = json.path(part);
            assertThat(node.path("ratio").asDouble())
                    .as(part)
                    .isCloseTo(
                            node.path("gflops").asDouble()
                                    / node.path("bound_gflops").asDouble(),
                            within(1e-9));
        }
        JsonNode training = json.path("training");
        assertThat(training.path("gflops").asDouble())
                .isCloseTo(training.path("images_per_second").asDouble() * flopsPerImage / 1e9, within(1e-6));
        // two steps of 150 rows an epoch; 3 warm-up steps round up to 2 epochs
        assertThat(training.path("warm_up_epochs").asInt()).isEqualTo(2);
        assertThat(training.path("step_seconds").asDouble())
                .isCloseTo(training.path("epoch_seconds").asDouble() / 2, within(1e-12));
        double products = training.path("step_product_seconds_at_bound").asDouble();
        double update = training.path("update_seconds_spread").asDouble();
        // one thread: the spread update is the update on one thread
        assertThat(update)
                .isPositive()
                .isEqualTo(training.path("update_seconds_one_thread").asDouble());
        assertThat(training.path("update_seconds_all_threads").asDouble()).isPositive();
        assertThat(training.path("step_rest_seconds").asDouble())
                .isCloseTo(training.path("step_seconds").asDouble() - products - update, within(1e-12));
        assertThat(training.path("ceiling_ratio").asDouble()).isCloseTo(products / (products + update), within(1e-12));
        double sgdStep = training.path("sgd_step_seconds").asDouble();
        assertThat(sgdStep).isPositive();
        assertThat(training.path("sgd_ratio").asDouble()).isCloseTo(products / sgdStep, within(1e-12));
        assertThat(json.path("seconds_to_first_training_step").asDouble()).isPositive();
    }

    @Test
    void printsATableAndWhereAStepsTimeGoes() {
        CommandRun run = CommandRun.of(
                "bench", "--rows", "150", "--matmul-seconds", "0.1", "--threads", "2", "--warm-up-steps", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern("training \\(Adam, batch 150\\) +\\d+ +[0-9.]+ +[0-9.]+ +[0-9.]+")
                .containsPattern("inference: encode \\(batch 1000\\) +\\d+")
                .containsPattern(
                        "training step: [0-9.]+ ms = [0-9.]+ ms of products at the bound \\+ [0-9.]+ ms of Adam update "
                                + "\\(its work spread over 2 threads\\) \\+ -?[0-9.]+ ms of the rest")
                .containsPattern("Adam update alone: [0-9.]+ ms on one thread, [0-9.]+ ms on 2 as training runs it")
                .containsPattern("estimated ceiling of the training ratio: 0\\.\\d\\d")
                .containsPattern(
                        "the same step with SGD's one-pass update instead of Adam's: [0-9.]+ ms, ratio [0-9.]+")
                .containsPattern("training epoch of 150 images \\(after 2 warm-up epochs\\)")
                .contains("JVM start to first training step:", "peak resident memory:");
    }

    @Test
    void badOptionsExitWithTwoBeforeMeasuring() {
        CommandRun run = CommandRun.of("bench", "--rows", "100", "--batch-size", "150");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--rows must be at least --batch-size");
        assertThat(CommandRun.of("bench", "--matmul-seconds", "0").err()).contains("--matmul-seconds must be positive");
        CommandRun negative = CommandRun.of("bench", "--warm-up-steps", "-1");
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).contains("--warm-up-steps must be 0 or more, got -1");
    }
}
