package org.deepae.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files through a temporary sibling that is moved into place only when complete. */
final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes the content of a file to a stream. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes {@code target} atomically: a crash or error leaves either the old file or none, never a partial one. */
  static void write(Path target, Content content) throws IOException {
    Path tmp = createTempSibling(target);
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
        content.writeTo(out);
      }
      moveIntoPlace(tmp, target);
    } finally {
      deleteQuietly(tmp);
    }
  }

  /** Creates an empty hidden temporary file next to {@code target}, creating the directory if needed. */
  static Path createTempSibling(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    return Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
  }

  /** Moves {@code tmp} over {@code target}, atomically where the file system allows. */
  static void moveIntoPlace(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes {@code file} if it still exists; a failure to delete a temporary file must not hide the real error. */
  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      org.slf4j.LoggerFactory.getLogger(AtomicFiles.class).warn("could not delete temporary file {}", file, e);
    }
  }
}
