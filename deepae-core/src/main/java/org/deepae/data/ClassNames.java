package org.deepae.data;

import java.util.List;
import java.util.Optional;

/** The names of a catalogue dataset's classes, by label. */
public final class ClassNames {

    /** Fashion-MNIST's ten classes, as published with the dataset. */
    public static final List<String> FASHION_MNIST = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private ClassNames() {}

    /** The class names of the dataset named {@code name}, when it has names beyond its labels. */
    public static Optional<List<String>> of(String name) {
        return DatasetCatalog.FASHION_MNIST.equals(name) ? Optional.of(FASHION_MNIST) : Optional.empty();
    }

    /** The name of {@code label} in the dataset named {@code name}, or the label itself. */
    public static String name(String dataset, int label) {
        return of(dataset)
                .filter(names -> label >= 0 && label < names.size())
                .map(names -> names.get(label))
                .orElse(String.valueOf(label));
    }
}
