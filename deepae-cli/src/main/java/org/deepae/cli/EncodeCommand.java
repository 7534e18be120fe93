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

/** {@code deepae encode}: the code (bottleneck values) of every input row, read, encoded and written in chunks. */
@Command(
        name = "encode",
        description = "Write the code of every input row (the bottleneck layer's values) to a CSV or NPY file.")
final class EncodeCommand extends ModelInputCommand {

    @Mixin
    OutputFileOption out;

    @Override
    int run() throws IOException {
        OutputFile target = out.check(RowFormat.CSV, RowFormat.NPY);
        ModelInfo info = model.info();
        int codeSize = info.spec().codeSize();
        long nanos;
        InputChunks read;
        try (InputChunks chunks = input.openFor(info, null);
                Autoencoder autoencoder = model.load()) {
            long start = System.nanoTime();
            if (target.is(RowFormat.CSV)) {
                writeCsv(target.path(), chunks, autoencoder, codeSize);
            } else {
                writeNpy(target.path(), chunks, autoencoder, codeSize);
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
    static void writeCsv(Path file, InputChunks chunks, Autoencoder autoencoder, int codeSize) throws IOException {
        CsvWriter.write(file, csv -> {
            boolean ids = false;
            boolean labels = false;
            List<String> cells = new ArrayList<>();
            ModelInput.Chunk chunk;
            while ((chunk = chunks.next()) != null) {
                Rows rows = chunk.rows();
                float[] codes = autoencoder.encode(rows.values(), rows.count());
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
    static void writeNpy(Path file, InputChunks chunks, Autoencoder autoencoder, int codeSize) throws IOException {
        Path payload = AtomicFiles.createTempSibling(file);
        try {
            long count = 0;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(payload), 1 << 16)) {
                ModelInput.Chunk chunk;
                while ((chunk = chunks.next()) != null) {
                    Rows rows = chunk.rows();
                    float[] codes = autoencoder.encode(rows.values(), rows.count());
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
