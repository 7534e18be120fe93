package org.deepae.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Writes files and directories so that a crash never leaves a half-written one where a good one was: everything is
 * written to a temporary sibling, then moved into place.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /** Something that writes a file's content. */
  @FunctionalInterface
  public interface ContentWriter {
    void write(OutputStream out) throws IOException;
  }

  /** Something that fills a directory. */
  @FunctionalInterface
  public interface DirectoryWriter {
    void write(Path directory) throws IOException;
  }

  /** Writes {@code target} with the content {@code writer} produces, replacing any previous file at once. */
  public static void write(Path target, ContentWriter writer) throws IOException {
    Path parent = parentOf(target);
    Files.createDirectories(parent);
    Path temp = Files.createTempFile(parent, "." + target.getFileName() + ".", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        writer.write(out);
      }
      move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Writes {@code bytes} to {@code target} atomically. */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /**
   * Fills a temporary sibling directory with {@code writer}, then puts it in place of {@code target}. A directory
   * already at {@code target} is replaced only once the new one is complete.
   */
  public static void writeDirectory(Path target, DirectoryWriter writer) throws IOException {
    Path parent = parentOf(target);
    Files.createDirectories(parent);
    Path temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".");
    Path old = null;
    try {
      writer.write(temp);
      if (Files.exists(target)) {
        old = Files.createTempDirectory(parent, "." + target.getFileName() + ".old.");
        Files.delete(old);
        move(target, old);
      }
      move(temp, target);
    } finally {
      deleteRecursively(temp);
      if (old != null) {
        deleteRecursively(old);
      }
    }
  }

  /** Deletes a file or a directory tree; nothing happens when it does not exist. */
  public static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    Files.walkFileTree(path, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Path parentOf(Path target) {
    Path parent = target.toAbsolutePath().getParent();
    if (parent == null) {
      throw new IllegalArgumentException("cannot write to the file system root: " + target);
    }
    return parent;
  }
}
