package org.deepae.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The images of a folder read by {@link PngReader#readFolder}, with the class names when the folder has one subfolder
 * per class.
 *
 * <p>A folder has one of two layouts:
 *
 * <ul>
 *   <li>images directly in it ({@code dir/*.png}): unlabelled rows, no classes;
 *   <li>no images directly in it but one subfolder per class ({@code dir/CLASS/*.png}): each row labelled with the
 *       index of its subfolder's name among the class names sorted by {@link String#compareTo}. A subfolder without
 *       {@code *.png} files is not a class and is skipped (logged at debug); class subfolders are not searched
 *       further down.
 * </ul>
 *
 * <p>A folder with images both directly in it and in subfolders is refused. Hidden files and folders (a name that
 * starts with a dot, such as macOS's {@code ._a.png}, or hidden to the file system) and files of other extensions are
 * ignored. Rows come class by class, each class's files sorted by name, and each row's id is its file's path relative
 * to the folder with {@code /} between folder and file ({@code cat/001.png}).
 *
 * @param rows one row per image, labelled when there are classes, with ids and the image shape
 * @param classes the class names by label index, sorted; empty when the images are directly in the folder
 */
public record ImageFolder(Rows rows, List<String> classes) {
    private static final Logger LOG = LoggerFactory.getLogger(ImageFolder.class);

    public ImageFolder {
        Objects.requireNonNull(rows, "rows");
        classes = List.copyOf(classes);
        if (classes.isEmpty() == rows.hasLabels()) {
            throw new IllegalArgumentException(
                    classes.isEmpty()
                            ? "labelled rows need class names, got none"
                            : "classes " + classes + " need labelled rows, got rows without labels");
        }
        if (rows.hasLabels()) {
            for (int label : rows.labels()) {
                if (label < 0 || label >= classes.size()) {
                    throw new IllegalArgumentException("label " + label + " is not the index of one of the "
                            + classes.size() + " classes " + classes);
                }
            }
        }
    }

    /** Whether the images came from one subfolder per class. */
    public boolean hasClasses() {
        return !classes.isEmpty();
    }

    /**
     * The PNG files of a folder in reading order, with their ids and labels (or none).
     *
     * @param files the files, class by class, each class's files sorted by name
     * @param ids each file's path relative to the folder
     * @param labels each file's class index, or {@code null} without classes
     * @param classes the class names, sorted; empty without classes
     */
    record Listing(List<Path> files, String[] ids, int[] labels, List<String> classes) {}

    /**
     * Lists {@code dir}'s images in either layout.
     *
     * @throws DataFormatException if the folder holds no images in either layout, or images in both
     */
    static Listing list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NotDirectoryException(dir.toString());
        }
        List<Path> direct = pngs(dir);
        List<Path> classDirs = new ArrayList<>();
        List<List<Path>> classFiles = new ArrayList<>();
        for (Path sub : visible(dir).stream().filter(Files::isDirectory).toList()) {
            List<Path> files = pngs(sub);
            if (files.isEmpty()) {
                LOG.debug("{}: skipping subfolder {}, which holds no *.png files", dir, sub.getFileName());
            } else {
                classDirs.add(sub);
                classFiles.add(files);
            }
        }
        if (!direct.isEmpty() && !classDirs.isEmpty()) {
            throw new DataFormatException(
                    dir,
                    "found PNG images both directly in the folder (such as "
                            + direct.get(0).getFileName() + ") and in subfolders (such as "
                            + classDirs.get(0).getFileName() + "/"
                            + classFiles.get(0).get(0).getFileName()
                            + "); use one layout: images directly in the folder (no classes), "
                            + "or no images there and one subfolder per class holding its images");
        }
        if (!direct.isEmpty()) {
            String[] ids = direct.stream().map(p -> p.getFileName().toString()).toArray(String[]::new);
            return new Listing(direct, ids, null, List.of());
        }
        if (classDirs.isEmpty()) {
            throw new DataFormatException(
                    dir,
                    "expected PNG images (*.png) directly in the folder, or one subfolder per "
                            + "class holding them, found neither");
        }
        List<Path> files = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (int label = 0; label < classDirs.size(); label++) {
            String name = classDirs.get(label).getFileName().toString();
            classes.add(name);
            for (Path file : classFiles.get(label)) {
                files.add(file);
                ids.add(name + "/" + file.getFileName());
                labels.add(label);
            }
        }
        return new Listing(
                List.copyOf(files),
                ids.toArray(String[]::new),
                labels.stream().mapToInt(Integer::intValue).toArray(),
                List.copyOf(classes));
    }

    /** The visible regular {@code *.png} files directly in {@code dir}, sorted by name. */
    private static List<Path> pngs(Path dir) throws IOException {
        return visible(dir).stream()
                .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
                .filter(Files::isRegularFile)
                .toList();
    }

    /** The entries of {@code dir} that are not hidden, sorted by name. */
    private static List<Path> visible(Path dir) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                if (!p.getFileName().toString().startsWith(".") && !Files.isHidden(p)) {
                    entries.add(p);
                }
            }
        }
        entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return entries;
    }
}
