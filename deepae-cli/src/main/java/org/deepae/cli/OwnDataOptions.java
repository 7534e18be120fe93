package org.deepae.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.deepae.data.CsvTableOptions;
import org.deepae.data.MissingValues;
import org.deepae.data.PreprocessingOptions;
import org.deepae.data.Scaling;
import org.deepae.data.TrainingData;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code train}'s options for a user's own data: the test set, the label, id and ignored columns of a table, the
 * classes to train on, and the preprocessing fitted on the training rows and kept with the model.
 */
final class OwnDataOptions {

    @Option(
            names = "--test",
            paramLabel = "PATH",
            description =
                    "A separate test set, in the same form as --dataset (a table with the same columns, or images "
                            + "of the same size).")
    String test;

    @Option(
            names = "--test-split",
            paramLabel = "F",
            description = "Fraction of your data's rows held out for testing, chosen by --seed (default: "
                    + TrainingData.DEFAULT_TEST_SPLIT
                    + "; 0 trains on every row and reports no test loss). Not for the "
                    + "catalogue, which has its own test set.")
    Double testSplit;

    @Option(
            names = "--label-column",
            paramLabel = "NAME|INDEX",
            description =
                    "A table's label column (a name, or a 0-based index): kept as the rows' labels, never a feature; "
                            + "numbers or text.")
    String labelColumn;

    @Option(
            names = "--id-column",
            paramLabel = "NAME|INDEX",
            description = "A table's id column, carried into every per-row output and never a feature.")
    String idColumn;

    @Option(
            names = "--ignore-columns",
            split = ",",
            paramLabel = "NAME",
            description = "Table columns left out of the features.")
    List<String> ignoreColumns = new ArrayList<>();

    @Option(
            names = "--only-labels",
            split = ",",
            paramLabel = "LABEL",
            description =
                    "Train only on rows with these labels (learn what normal looks like); the test rows keep every "
                            + "label. Labels are names, or the catalogue's class numbers.")
    List<String> onlyLabels = new ArrayList<>();

    @Option(
            names = "--exclude-labels",
            split = ",",
            paramLabel = "LABEL",
            description = "Train on no row with these labels; the test rows keep every label.")
    List<String> excludeLabels = new ArrayList<>();

    @Option(
            names = "--scale",
            paramLabel = "standard|minmax|none",
            description = "Scaling of numeric columns, fitted on the training rows and kept with the model (default: "
                    + "standard for tables and arrays, none for images and the catalogue, whose pixels are in [0, 1]).")
    String scale;

    @Option(
            names = "--categorical",
            split = ",",
            paramLabel = "NAME",
            description = "Table columns one-hot encoded although they hold numbers (text columns always are).")
    List<String> categorical = new ArrayList<>();

    @Option(
            names = "--max-levels",
            paramLabel = "N",
            description =
                    "The most levels a categorical column keeps; rarer ones share one \"other\" slot, as do levels "
                            + "not seen in training (default: " + PreprocessingOptions.DEFAULT_MAX_LEVELS + ").")
    Integer maxLevels;

    @Option(
            names = "--missing",
            paramLabel = "impute|error",
            description =
                    "Missing values (empty, NA, NaN, null): imputed with the training mean (a categorical column's "
                            + "get their own level), or refused (default: impute).")
    String missing;

    @Option(
            names = "--delimiter",
            paramLabel = "CHAR",
            description = "The CSV delimiter, when sniffing (',', ';' or tab) is not wanted; 'tab' for a tab.")
    String delimiter;

    @Option(
            names = "--header",
            paramLabel = "auto|yes|no",
            description = "Whether a CSV's first line is a header (default: auto, when none of its cells is a number).")
    String header;

    /** The request for {@code dataset}, or a bad-option error naming the problem. */
    TrainingData.Request request(CommandLine cl, String dataset, long seed) {
        if (testSplit != null && !(testSplit >= 0 && testSplit < 1)) {
            throw new ParameterException(cl, "--test-split must be in [0, 1), got " + testSplit);
        }
        if (maxLevels != null && maxLevels < 1) {
            throw new ParameterException(cl, "--max-levels must be at least 1, got " + maxLevels);
        }
        Scaling scaling = scale == null ? null : parse(cl, "--scale", scale, Scaling.class);
        MissingValues missingValues =
                missing == null ? MissingValues.IMPUTE : parse(cl, "--missing", missing, MissingValues.class);
        PreprocessingOptions preprocessing = new PreprocessingOptions(
                Scaling.STANDARD,
                new LinkedHashSet<>(categorical),
                maxLevels == null ? PreprocessingOptions.DEFAULT_MAX_LEVELS : maxLevels,
                missingValues);
        CsvTableOptions csv = CsvTableOptions.DEFAULT.withTextColumns(new LinkedHashSet<>(categorical));
        if (delimiter != null) {
            String d = delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t") ? "\t" : delimiter;
            if (d.length() != 1) {
                throw new ParameterException(
                        cl, "--delimiter must be one character (or 'tab'), got '" + delimiter + "'");
            }
            try {
                csv = csv.withDelimiter(d.charAt(0));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(cl, "--delimiter: " + e.getMessage());
            }
        }
        if (header != null) {
            csv = csv.withHeader(
                    switch (header.toLowerCase(Locale.ROOT)) {
                        case "auto" -> CsvTableOptions.Header.AUTO;
                        case "yes", "true" -> CsvTableOptions.Header.PRESENT;
                        case "no", "false" -> CsvTableOptions.Header.ABSENT;
                        default ->
                            throw new ParameterException(cl, "--header must be auto, yes or no, got '" + header + "'");
                    });
        }
        return new TrainingData.Request(
                dataset,
                test,
                testSplit == null ? Double.NaN : testSplit,
                seed,
                labelColumn,
                idColumn,
                ignoreColumns,
                onlyLabels,
                excludeLabels,
                scaling,
                preprocessing,
                csv);
    }

    /** Whether any option for a user's own table or file is given (the catalogue refuses them). */
    boolean tableOptionsGiven() {
        return test != null
                || testSplit != null
                || labelColumn != null
                || idColumn != null
                || !ignoreColumns.isEmpty()
                || !categorical.isEmpty()
                || maxLevels != null
                || missing != null
                || delimiter != null
                || header != null;
    }

    private static <E extends Enum<E>> E parse(CommandLine cl, String option, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name().toLowerCase(Locale.ROOT));
        }
        throw new ParameterException(
                cl, option + " must be one of " + String.join(", ", names) + ", got '" + value + "'");
    }
}
