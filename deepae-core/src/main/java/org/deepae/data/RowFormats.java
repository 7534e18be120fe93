package org.deepae.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Finds a {@link RowFormat} by a file's name ending or by a format's name. */
public final class RowFormats {
    private RowFormats() {}

    /** The format whose endings include {@code file}'s (the text after its last dot, any case), if there is one. */
    public static Optional<RowFormat> find(Path file) {
        String ending = ending(file);
        return Arrays.stream(RowFormat.values())
                .filter(f -> f.suffixes().contains(ending))
                .findFirst();
    }

    /**
     * The format of {@code file} by its name ending.
     *
     * @throws DataFormatException naming the file and listing the supported formats, when no format has its ending
     */
    public static RowFormat forPath(Path file) throws DataFormatException {
        return find(file)
                .orElseThrow(() -> new DataFormatException(
                        file, "unsupported file name ending '." + ending(file) + "'; expected " + supported()));
    }

    /**
     * The format called {@code name} ({@code csv}, {@code npy}, ... any case).
     *
     * @throws IllegalArgumentException listing the supported formats, when there is no such format
     */
    public static RowFormat forName(String name) {
        for (RowFormat format : RowFormat.values()) {
            if (format.key().equalsIgnoreCase(String.valueOf(name).strip())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "'; expected " + supported());
    }

    /** The supported formats with their endings, for messages: {@code CSV text (.csv, .tsv, .txt), NumPy .npy ...}. */
    public static String supported() {
        return Arrays.stream(RowFormat.values())
                .map(f -> f.title() + " (." + String.join(", .", f.suffixes()) + ")")
                .collect(Collectors.joining(", "));
    }

    /** The formats read as rows, by name, for messages: {@code CSV, NPY, IDX or PNG}. */
    public static String readable() {
        List<String> names = Arrays.stream(RowFormat.values())
                .filter(RowFormat::isReadable)
                .map(f -> f.name())
                .toList();
        return names.size() == 1
                ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** The text after the last dot of {@code file}'s name, lower case; empty without a dot. */
    public static String ending(Path file) {
        Path name = file.getFileName();
        String text = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        int dot = text.lastIndexOf('.');
        return dot < 0 ? "" : text.substring(dot + 1);
    }
}
