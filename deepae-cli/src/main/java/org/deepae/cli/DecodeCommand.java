package org.deepae.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.deepae.data.Column;
import org.deepae.data.CsvRows;
import org.deepae.data.CsvWriter;
import org.deepae.data.NpyWriter;
import org.deepae.data.Preprocessing;
import org.deepae.data.Rows;
import org.deepae.data.Table;
import org.deepae.io.AtomicFiles;
import org.deepae.model.Autoencoder;
import org.deepae.store.ModelInfo;
import org.deepae.viz.ImageGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code deepae decode}: codes back to the input space. */
@Command(
        name = "decode",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Decode codes (a CSV or NPY file of code rows) back to the input space; for a model trained on "
                    + "a table, --out FILE.csv holds the model's columns in their original units (categorical "
                    + "columns as their "
                    + "most likely level)."
        })
final class DecodeCommand implements Callable<Integer> {

    /** Images per row of the figure. */
    private static final int COLUMNS = 10;

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
            description = "images.png (a grid, ten per row; for image models), images.npy or images.csv.")
    Path out;

    @Option(
            names = "--scale",
            paramLabel = "N",
            defaultValue = "4",
            description = "Screen pixels per image pixel in a PNG (default: ${DEFAULT-VALUE}, at most "
                    + ImageGrid.MAX_SCALE + "; a figure has at most " + ImageGrid.MAX_PIXELS + " pixels).")
    int scale;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        model.validate(spec.commandLine());
        input.validate(spec.commandLine());
        OutputFile target = OutputFile.check(spec.commandLine(), out, List.of("png", "npy", "csv"));
        if (scale <= 0 || scale > ImageGrid.MAX_SCALE) {
            throw new ParameterException(
                    spec.commandLine(), "--scale must be between 1 and " + ImageGrid.MAX_SCALE + ", got " + scale);
        }
        ModelInfo info = model.info();
        if (target.format().equals("png") && !info.hasImageSize()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--out " + out + ": this model's rows are not images of a known size; write .npy or .csv");
        }
        Rows codes = input.read(info.spec().codeSize(), 0, 0);
        ImageGrid grid =
                target.format().equals("png") ? new ImageGrid(info.imageHeight(), info.imageWidth(), scale) : null;
        if (grid != null) {
            try {
                grid.requireDrawableGallery(codes.count(), COLUMNS);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(
                        spec.commandLine(), "--scale " + scale + ": " + e.getMessage() + ", or write .npy or .csv");
            }
        }
        float[] decoded;
        try (Autoencoder autoencoder = model.load()) {
            decoded = autoencoder.decode(codes.values(), codes.count());
        }
        Preprocessing preprocessing = info.preprocessing();
        boolean table = preprocessing != null && !preprocessing.isIdentity() && !info.hasImageSize();
        if (table && target.format().equals("csv")) {
            writeTable(target.path(), preprocessing.decode(decoded, codes.count(), codes.source()));
        } else if (table && target.format().equals("npy")) {
            NpyWriter.write(target.path(), imageRows(decoded, codes, info)); // the encoded values the network gives
        } else if (preprocessing != null && !preprocessing.isIdentity()) {
            decoded = preprocessing.decodeNumeric(decoded, codes.count());
        }
        switch (table ? "done" : target.format()) {
            case "done" -> {}
            case "png" -> grid.write(target.path(), grid.gallery(decoded, codes.count(), COLUMNS));
            case "npy" -> NpyWriter.write(target.path(), imageRows(decoded, codes, info));
            default -> CsvWriter.write(target.path(), imageRows(decoded, codes, info), "x_");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("Decoded " + codes.count() + " codes of " + codes.source() + ": " + target.path());
        stdout.flush();
        return 0;
    }

    /** A decoded table as CSV: the model's columns in original units, categorical ones as their likeliest level. */
    private static void writeTable(Path file, Table table) throws IOException {
        AtomicFiles.write(file, out -> {
            CsvRows csv = new CsvRows(out, table.names());
            List<String> cells = new java.util.ArrayList<>(table.columns().size());
            for (int i = 0; i < table.rows(); i++) {
                cells.clear();
                for (Column column : table.columns()) {
                    cells.add(column.cell(i));
                }
                csv.row(cells);
            }
            csv.flush();
        });
    }

    private static Rows imageRows(float[] decoded, Rows codes, ModelInfo info) {
        return new Rows(
                decoded,
                codes.count(),
                info.spec().inputSize(),
                codes.labels(),
                info.imageHeight(),
                info.imageWidth(),
                codes.source());
    }
}
