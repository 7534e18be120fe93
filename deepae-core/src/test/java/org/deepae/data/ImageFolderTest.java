package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {
    @TempDir
    Path dir;

    /** An empty file: listing looks at names only. */
    private Path touch(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, new byte[0]);
    }

    @Test
    void listsImagesDirectlyInTheFolderWithoutClasses() throws IOException {
        touch("b.png");
        touch("a.PNG");
        touch("notes.txt");
        touch(".c.png");
        Files.createDirectories(dir.resolve("empty"));
        touch("docs/readme.md");
        ImageFolder.Listing listing = ImageFolder.list(dir);
        assertThat(listing.ids()).containsExactly("a.PNG", "b.png");
        assertThat(listing.files()).containsExactly(dir.resolve("a.PNG"), dir.resolve("b.png"));
        assertThat(listing.labels()).isNull();
        assertThat(listing.classes()).isEmpty();
    }

    @Test
    void listsOneSubfolderPerClassInSortedOrderSkippingHiddenAndEmptyOnes() throws IOException {
        touch("dog/2.png");
        touch("cat/b.png");
        touch("cat/a.png");
        touch("cat/._a.png");
        touch("cat/nested/deep.png");
        touch(".thumbnails/x.png");
        touch("empty/notes.txt");
        touch("labels.csv");
        ImageFolder.Listing listing = ImageFolder.list(dir);
        assertThat(listing.classes()).containsExactly("cat", "dog");
        assertThat(listing.ids()).containsExactly("cat/a.png", "cat/b.png", "dog/2.png");
        assertThat(listing.labels()).containsExactly(0, 0, 1);
        assertThat(listing.files())
                .containsExactly(dir.resolve("cat/a.png"), dir.resolve("cat/b.png"), dir.resolve("dog/2.png"));
    }

    @Test
    void refusesImagesBothInTheFolderAndInSubfolders() throws IOException {
        touch("a.png");
        touch("cat/b.png");
        assertThatThrownBy(() -> ImageFolder.list(dir))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(dir
                        + ": found PNG images both directly in the folder (such as a.png) and in subfolders (such as "
                        + "cat/b.png); use one layout: images directly in the folder (no classes), or no images "
                        + "there and one "
                        + "subfolder per class holding its images");
    }

    @Test
    void refusesAFolderWithImagesInNeitherLayout() throws IOException {
        touch("empty/notes.txt");
        touch(".hidden/a.png");
        assertThatThrownBy(() -> ImageFolder.list(dir))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(dir
                        + ": expected PNG images (*.png) directly in the folder, or one subfolder per class holding "
                        + "them, found neither");
    }

    @Test
    void refusesAFileGivenAsFolder() throws IOException {
        Path file = touch("a.png");
        assertThatThrownBy(() -> ImageFolder.list(file))
                .isInstanceOf(NotDirectoryException.class)
                .hasMessageContaining(file.toString());
    }

    private static Rows rows(int[] labels) {
        return new Rows(new float[2], 2, 1, labels, "t");
    }

    @Test
    void requiresLabelsExactlyWhenThereAreClasses() {
        assertThat(new ImageFolder(rows(null), List.of()).hasClasses()).isFalse();
        assertThat(new ImageFolder(rows(new int[] {1, 0}), List.of("a", "b")).hasClasses())
                .isTrue();
        assertThatThrownBy(() -> new ImageFolder(rows(new int[] {0, 0}), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("labelled rows need class names, got none");
        assertThatThrownBy(() -> new ImageFolder(rows(null), List.of("a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("classes [a] need labelled rows, got rows without labels");
        assertThatThrownBy(() -> new ImageFolder(rows(new int[] {0, 2}), List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label 2 is not the index of one of the 2 classes [a, b]");
    }

    @Test
    void keepsItsOwnCopyOfTheClassNames() {
        List<String> names = new ArrayList<>(List.of("a"));
        ImageFolder folder = new ImageFolder(rows(new int[] {0, 0}), names);
        names.add("b");
        assertThat(folder.classes()).containsExactly("a");
        assertThatThrownBy(() -> folder.classes().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }
}
