package org.deepae.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deepae.data.CsvReader;
import org.deepae.data.CsvWriter;
import org.deepae.data.NpyWriter;
import org.deepae.data.RowFormat;
import org.deepae.data.Rows;
import org.deepae.io.AtomicFiles;
import org.deepae.model.Autoencoder;
import org.deepae.run.InputChunks;
import org.deepae.run.ModelInput;
import org.deepae.store.ModelInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code deepae encode}: the code (bottleneck values) of every input row, read, encoded and written in chunks. */
@Command(
        name = "encode",
        description = "Write the code of every input row (the bottleneck layer's values) to a CSV or NPY file.")
final class EncodeCommand extends ModelInputCommand {

    @Mixin
    OutputFileOption out;

    @Option(
            names = "--sample",
            description = "vae and conv-vae: draw each row's code from its distribution (with --seed) instead of "
                    + "writing its mean.")
    boolean sample;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "With --sample: the draws' seed; the same seed and --chunk-rows give the same codes "
                    + "(default: ${DEFAULT-VALUE}).")
    long seed;

    /** Encodes one chunk of rows, the first of which is row {@code first} of the input. */
    @FunctionalInterface
    interface ChunkEncoder {
        float[] encode(float[] rows, int count, long first);
    }

    @Override
    int run() throws IOException {
        OutputFile target = out.check(RowFormat.CSV, RowFormat.NPY);
        ModelInfo info = model.info();
        if (sample && !info.spec().variational()) {
            throw context.badOption("--sample draws codes from a variational model (--arch vae or conv-vae); "
                    + model.model + " is " + info.spec().family());
        }
        int codeSize = info.spec().codeSize();
        long nanos;
        InputChunks read;
        try (InputChunks chunks = input.openFor(info, null);
                Autoencoder autoencoder = model.load()) {
            long start = System.nanoTime();
            // a chunk's draws are keyed by the seed and the chunk's first row
            ChunkEncoder encoder = sample
                    ? (rows, count, first) -> autoencoder.encodeSampled(rows, count, seed * 0x9E3779B97F4A7C15L + first)
                    : (rows, count, first) -> autoencoder.encode(rows, count);
            if (target.is(RowFormat.CSV)) {
                writeCsv(target.path(), chunks, encoder, codeSize);
            } else {
                writeNpy(target.path(), chunks, encoder, codeSize);
            }
            nanos = System.nanoTime() - start;
            read = chunks;
        }
        context.notes(read.notes());
        return context.done("Encoded " + read.rowsRead() + " rows of " + read.source() + " into codes of " + codeSize
                + " values: " + target.path() + " (" + InputOptionsMixin.throughput(read.rowsRead(), nanos) + ")");
    }

    /**
     * The codes as CSV, a chunk at a time: with the rows' ids first (and their labels' names when labelled) when they
     * have ids, else {@code code_0, ...} and the label numbers last, as {@link org.deepae.data.CsvWriter} writes rows.
     */
    static void writeCsv(Path file, InputChunks chunks, ChunkEncoder encoder, int codeSize) throws IOException {
        CsvWriter.write(file, csv -> {
            boolean ids = false;
            boolean labels = false;
            List<String> cells = new ArrayList<>();
            ModelInput.Chunk chunk;
            while ((chunk = chunks.next()) != null) {
                Rows rows = chunk.rows();
                float[] codes = encoder.encode(rows.values(), rows.count(), chunk.first());
                if (!csv.hasHeader()) {
                    ids = rows.hasIds();
                    labels = rows.hasLabels();
                    csv.header(header(ids, labels, codeSize));
                }
                List<String> labelNames = chunks.labelNames();
                for (int i = 0; i < rows.count(); i++) {
                    cells.clear();
                    if (ids) {
                        cells.add(rows.id(i));
                        if (labels) {
                            int label = rows.labels()[i];
                            cells.add(label < labelNames.size() ? labelNames.get(label) : String.valueOf(label));
                        }
                    }
                    for (int j = 0; j < codeSize; j++) {
                        float v = codes[i * codeSize + j];
                        if (!ids && !Float.isFinite(v)) {
                            throw new IllegalArgumentException(
                                    rows.source() + ": row " + (chunk.first() + i) + ", column " + j
                                            + " (both 0-based) is " + v + "; only finite values can be written");
                        }
                        cells.add(Float.toString(v));
                    }
                    if (!ids && labels) {
                        cells.add(String.valueOf(rows.labels()[i]));
                    }
                    csv.row(cells);
                }
            }
            if (!csv.hasHeader()) {
                csv.header(header(false, false, codeSize));
            }
        });
    }

    private static List<String> header(boolean ids, boolean labels, int codeSize) {
        List<String> header = new ArrayList<>();
        if (ids) {
            header.add("id");
            if (labels) {
                header.add("label");
            }
        }
        for (int j = 0; j < codeSize; j++) {
            header.add("code_" + j);
        }
        if (!ids && labels) {
            header.add(CsvReader.LABEL_HEADER);
        }
        return header;
    }

    /**
     * The codes as a float32 NPY array of {@code (rows, codeSize)}: the payload is written to a temporary sibling a
     * chunk at a time, then the header, which needs the row count, and the payload go into place together.
     */
    static void writeNpy(Path file, InputChunks chunks, ChunkEncoder encoder, int codeSize) throws IOException {
        Path payload = AtomicFiles.createTempSibling(file);
        try {
            long count = 0;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(payload), 1 << 16)) {
                ModelInput.Chunk chunk;
                while ((chunk = chunks.next()) != null) {
                    Rows rows = chunk.rows();
                    float[] codes = encoder.encode(rows.values(), rows.count(), chunk.first());
                    ByteBuffer bytes =
                            ByteBuffer.allocate(codes.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                    bytes.asFloatBuffer().put(codes);
                    out.write(bytes.array());
                    count += rows.count();
                }
            }
            byte[] header = NpyWriter.float32Header(count, codeSize);
            AtomicFiles.write(file, out -> {
                out.write(header);
                Files.copy(payload, out);
            });
        } finally {
            AtomicFiles.deleteQuietly(payload);
        }
    }
}
