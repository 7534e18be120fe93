package org.deepae.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.deepae.io.PausePoints;
import org.deepae.model.Autoencoder;
import org.deepae.store.ModelDirectory;
import org.deepae.testing.BarImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example job on a real Spark standalone cluster on the loopback interface: a master and two workers started from
 * the Spark jars, one executor of one core each. One worker's executor pauses at its first batch and the test kills
 * that worker and its executor with SIGKILL: Spark runs the lost tasks again on the other, and every row still comes
 * out once, with the model's own error, bit for bit.
 */
@Tag("slow")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class StandaloneClusterTest {

    private static final int ROWS = 4000;
    private static final String OPENS = System.getProperty("deepae.spark.opens", "");

    @TempDir
    static Path dir;

    private static final List<Process> CLUSTER = new ArrayList<>();

    @AfterAll
    static void stopTheCluster() {
        for (Process p : CLUSTER) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A JVM running {@code mainClass} with the test's classpath and Spark's flags, its output in {@code log}. */
    private static Process start(Path log, Map<String, String> env, String mainClass, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(OPENS.trim().split("\\s+", -1)));
        command.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process p = builder.start();
        CLUSTER.add(p);
        return p;
    }

    private static void await(Path log, String text, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            String content = Files.exists(log) ? Files.readString(log) : "";
            if (content.split(java.util.regex.Pattern.quote(text), -1).length - 1 >= count) {
                return;
            }
            assertThat(System.nanoTime())
                    .as("%s shows '%s' within a minute:%n%s", log, text, content)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void aWorkerKilledMidJobLeavesEveryRowScoredOnceWithTheModelsError() throws Exception {
        BarImages bars = BarImages.of(ROWS, 4, 2);
        Path model = BarModels.train(dir.resolve("model"), bars);
        // Spark's launcher builds an executor's classpath from SPARK_HOME/jars: this one links the test's jars
        Path home = dir.resolve("spark-home");
        Files.createDirectories(home.resolve("jars"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator, -1)) {
            Path jar = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(jar)) {
                Path link = home.resolve("jars").resolve(jar.getFileName());
                if (!Files.exists(link)) {
                    Files.createSymbolicLink(link, jar.toAbsolutePath());
                }
            }
        }
        int port = freePort();
        Path masterLog = dir.resolve("master.log");
        start(
                masterLog,
                Map.of(),
                "org.apache.spark.deploy.master.Master",
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--webui-port",
                String.valueOf(freePort()));
        await(masterLog, "Starting Spark master", 1);
        Path paused = dir.resolve("paused");
        String master = "spark://127.0.0.1:" + port;
        List<Process> workers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            Map<String, String> env =
                    new java.util.HashMap<>(Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", "2.12"));
            if (w == 0) {
                // the first worker's executor stops at its first batch, for the test to kill it there
                env.put(PausePoints.PAUSE_AT_ENV, "spark-batch");
                env.put(PausePoints.PAUSE_FILE_ENV, paused.toString());
            }
            workers.add(start(
                    dir.resolve("worker" + w + ".log"),
                    env,
                    "org.apache.spark.deploy.worker.Worker",
                    master,
                    "--host",
                    "127.0.0.1",
                    "--cores",
                    "1",
                    "--memory",
                    "1g",
                    "--webui-port",
                    String.valueOf(freePort()),
                    "--work-dir",
                    dir.resolve("work" + w).toString()));
            await(masterLog, "Registering worker", w + 1);
        }

        SparkSession spark = SparkSession.builder()
                .master(master)
                .appName("deepae-cluster-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.executor.cores", "1")
                .config("spark.executor.memory", "512m")
                .config("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .config("spark.executor.extraJavaOptions", OPENS)
                .getOrCreate();
        try {
            List<Row> rows = new ArrayList<>();
            for (int r = 0; r < ROWS; r++) {
                List<Float> v = new ArrayList<>();
                for (int j = 0; j < 16; j++) {
                    v.add(bars.pixels()[r * 16 + j]);
                }
                rows.add(RowFactory.create((long) r, v));
            }
            StructType schema = new StructType(new StructField[] {
                new StructField("id", DataTypes.LongType, false, Metadata.empty()),
                new StructField("features", DataTypes.createArrayType(DataTypes.FloatType), true, Metadata.empty())
            });
            Path input = dir.resolve("in.parquet");
            Path output = dir.resolve("out.parquet");
            spark.createDataFrame(rows, schema).repartition(8).write().parquet(input.toString());

            CompletableFuture<Void> job = CompletableFuture.runAsync(
                    () -> ScoreParquet.run(spark, model.toString(), input.toString(), output.toString(), "features"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!Files.exists(paused)) {
                assertThat(job.isDone())
                        .as("the job reaches the first worker's pause before it ends")
                        .isFalse();
                assertThat(System.nanoTime())
                        .as("the first worker's executor pauses")
                        .isLessThan(deadline);
                Thread.sleep(20);
            }
            Process killed = workers.get(0);
            killed.descendants().forEach(ProcessHandle::destroyForcibly); // its executor
            killed.destroyForcibly(); // SIGKILL
            job.get(180, TimeUnit.SECONDS);

            Dataset<Row> scored = spark.read().parquet(output.toString());
            List<Row> out = new ArrayList<>(
                    scored.select("id", "reconstruction_error", "code").collectAsList());
            out.sort(Comparator.comparingLong(row -> row.getLong(0)));
            assertThat(out).hasSize(ROWS);
            try (Autoencoder reference = ModelDirectory.load(model, 1)) {
                float[] errors = reference.rowErrors(bars.pixels(), ROWS);
                float[] codes = reference.encode(bars.pixels(), ROWS);
                for (int r = 0; r < ROWS; r++) {
                    assertThat(out.get(r).getLong(0)).isEqualTo(r);
                    assertThat((float) out.get(r).getDouble(1)).as("row " + r).isEqualTo(errors[r]);
                    org.apache.spark.ml.linalg.Vector code = out.get(r).getAs(2);
                    for (int j = 0; j < 3; j++) {
                        assertThat((float) code.apply(j)).isEqualTo(codes[r * 3 + j]);
                    }
                }
            }
            assertThat(Files.readString(dir.resolve("worker1.log"))).contains("Asked to launch executor");
        } finally {
            spark.stop();
        }
    }
}
