package org.deepae.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's headless Chromium on local files only, for tests of the HTML report. */
public final class HeadlessChromium {

    /** Where Debian's {@code chromium} package installs it. */
    public static final Path PATH = Path.of("/usr/bin/chromium");

    private static final long TIMEOUT_SECONDS = 60;

    private final Path work;

    /** @param work a scratch directory for profiles and output */
    public HeadlessChromium(Path work) {
        this.work = work;
    }

    /** Whether Chromium is installed. */
    public static boolean installed() {
        return Files.isExecutable(PATH);
    }

    /** The page's DOM after its scripts ran. */
    public String dumpDom(Path html) throws IOException, InterruptedException {
        return run("dom", "--dump-dom", html.toUri().toString());
    }

    /** Takes a screenshot of the page at the given window size. */
    public void screenshot(Path html, Path png, int width, int height) throws IOException, InterruptedException {
        run(
                "screenshot",
                "--screenshot=" + png,
                "--window-size=" + width + "," + height,
                html.toUri().toString());
    }

    /** Runs headless Chromium with {@code arguments} and returns what it printed on stdout. */
    String run(String name, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                PATH.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + work.resolve("profile-" + name)));
        command.addAll(List.of(arguments));
        Path out = work.resolve(name + ".out");
        Path err = work.resolve(name + ".err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("Chromium (" + name + ") did not finish in " + TIMEOUT_SECONDS + " s");
        }
        assertThat(process.exitValue())
                .as("Chromium (%s) exit code; stderr: %s", name, Files.readString(err, StandardCharsets.UTF_8))
                .isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
