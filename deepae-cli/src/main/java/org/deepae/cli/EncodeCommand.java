package org.deepae.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.deepae.data.CsvReader;
import org.deepae.data.CsvRows;
import org.deepae.data.Rows;
import org.deepae.io.AtomicFiles;
import org.deepae.model.Autoencoder;
import org.deepae.run.InputChunks;
import org.deepae.run.ModelInput;
import org.deepae.store.ModelInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deepae encode}: the code (bottleneck values) of every input row, read, encoded and written in chunks. */
@Command(
        name = "encode",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Write the code of every input row (the bottleneck layer's values) to a CSV or NPY file.")
final class EncodeCommand implements Callable<Integer> {

    /** NumPy's magic string, {@code \x93NUMPY}. */
    private static final byte[] NPY_MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Mixin
    InputOptionsMixin input;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description =
                    "codes.csv (header code_0, ...; a label column when the input has labels) or codes.npy (float32).")
    Path out;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        model.validate(spec.commandLine());
        input.validate(spec.commandLine());
        OutputFile target = OutputFile.check(spec.commandLine(), out, List.of("csv", "npy"));
        ModelInfo info = model.info();
        int codeSize = info.spec().codeSize();
        long rows;
        long nanos;
        String source;
        List<String> notes;
        try (InputChunks chunks = input.openFor(spec.commandLine(), info, null);
                Autoencoder autoencoder = model.load()) {
            long start = System.nanoTime();
            if (target.format().equals("csv")) {
                writeCsv(target.path(), chunks, autoencoder, codeSize);
            } else {
                writeNpy(target.path(), chunks, autoencoder, codeSize);
            }
            nanos = System.nanoTime() - start;
            rows = chunks.rowsRead();
            source = chunks.source();
            notes = chunks.notes();
        }
        notes.forEach(note -> spec.commandLine().getErr().println("note: " + note));
        spec.commandLine().getErr().flush();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("Encoded " + rows + " rows of " + source + " into codes of " + codeSize + " values: "
                + target.path() + " (" + InputOptionsMixin.throughput(rows, nanos) + ")");
        stdout.flush();
        return 0;
    }

    /**
     * The codes as CSV, a chunk at a time: with the rows' ids first (and their labels' names when labelled) when they
     * have ids, else {@code code_0, ...} and the label numbers last, as {@link org.deepae.data.CsvWriter} writes rows.
     */
    static void writeCsv(Path file, InputChunks chunks, Autoencoder autoencoder, int codeSize) throws IOException {
        AtomicFiles.write(file, out -> {
            CsvRows csv = null;
            boolean ids = false;
            boolean labels = false;
            List<String> cells = new ArrayList<>();
            ModelInput.Chunk chunk;
            while ((chunk = chunks.next()) != null) {
                Rows rows = chunk.rows();
                float[] codes = autoencoder.encode(rows.values(), rows.count());
                if (csv == null) {
                    ids = rows.hasIds();
                    labels = rows.hasLabels();
                    csv = new CsvRows(out, header(ids, labels, codeSize));
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
            if (csv == null) {
                csv = new CsvRows(out, header(false, false, codeSize));
            }
            csv.flush();
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
            byte[] header = npyHeader(count, codeSize);
            AtomicFiles.write(file, out -> {
                out.write(header);
                Files.copy(payload, out);
            });
        } finally {
            AtomicFiles.deleteQuietly(payload);
        }
    }

    /** A version 1.0 NPY header of little-endian float32 in C order, padded so that the data starts at 64 bytes. */
    static byte[] npyHeader(long rows, int width) {
        StringBuilder dict = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (")
                .append(rows)
                .append(", ")
                .append(width)
                .append("), }");
        int prefix = NPY_MAGIC.length + 2 + 2;
        int total = prefix + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        dict.append(" ".repeat(padded - total)).append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer header = ByteBuffer.allocate(prefix + text.length).order(ByteOrder.LITTLE_ENDIAN);
        header.put(NPY_MAGIC)
                .put((byte) 1)
                .put((byte) 0)
                .putShort((short) text.length)
                .put(text);
        return header.array();
    }
}
