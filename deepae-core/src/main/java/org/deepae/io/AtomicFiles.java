package org.deepae.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Writes files and directories so that a crash never leaves a half-written one where a good one was: everything is
 * written to a temporary sibling, then moved into place.
 */
public final class AtomicFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

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
        Path temp = createTempSibling(target);
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                writer.write(out);
            }
            moveIntoPlace(temp, target);
        } catch (IOException e) {
            throw aboutTarget(e, temp, target);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Creates an empty hidden temporary file beside {@code target} (creating the directory if needed), for content that
     * is then moved into place with {@link #moveIntoPlace(Path, Path)}.
     */
    public static Path createTempSibling(Path target) throws IOException {
        Path parent = parentOf(target);
        Files.createDirectories(parent);
        while (true) {
            Path temp = parent.resolve(tempName(target, ".part"));
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                // another name on the next try
            } catch (IOException e) {
                throw aboutTarget(e, temp, target);
            }
        }
    }

    /**
     * A hidden, unlikely-to-exist name beside {@code target}. Files and directories are created with the ordinary
     * permissions (as limited by the umask), not the owner-only ones of {@code Files.createTempFile}, so what is moved
     * into place is readable like any other output.
     */
    private static String tempName(Path target, String suffix) {
        return "." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + suffix;
    }

    private static Path createTempDirectory(Path parent, Path target, String suffix) throws IOException {
        while (true) {
            Path temp = parent.resolve(tempName(target, suffix));
            try {
                return Files.createDirectory(temp);
            } catch (FileAlreadyExistsException e) {
                // another name on the next try
            } catch (IOException e) {
                throw aboutTarget(e, temp, target);
            }
        }
    }

    /** Moves {@code temp} over {@code target}, atomically where the file system allows. */
    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes {@code file} if it still exists; a failure to delete a temporary file must not hide the real error. */
    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LoggerFactory.getLogger(AtomicFiles.class).warn("could not delete temporary file {}", file, e);
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
        Path temp = createTempDirectory(parent, target, ".part");
        Path old = null;
        try {
            writer.write(temp);
            String name = target.getFileName().toString();
            PausePoints.reach("directory-written:" + name);
            if (Files.exists(target)) {
                old = parent.resolve(tempName(target, ".old"));
                moveIntoPlace(target, old);
                PausePoints.reach("directory-moved-aside:" + name);
            }
            moveIntoPlace(temp, target);
        } catch (IOException e) {
            throw aboutTarget(old != null ? aboutTarget(e, old, target) : e, temp, target);
        } finally {
            deleteRecursively(temp);
            if (old != null) {
                deleteRecursively(old);
            }
        }
    }

    /**
     * Puts back the directory that {@link #writeDirectory} had moved aside when the process was killed before the new
     * one was in place: when {@code target} is missing and one {@code .old} sibling of it is left, that sibling becomes
     * {@code target} again. Returns whether it did.
     */
    public static boolean restoreInterruptedReplace(Path target) throws IOException {
        Path parent = parentOf(target);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) || !Files.isDirectory(parent)) {
            return false;
        }
        String prefix = "." + target.getFileName() + ".";
        List<Path> aside;
        try (Stream<Path> entries = Files.list(parent)) {
            aside = entries.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> p.getFileName().toString().endsWith(".old"))
                    .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .toList();
        }
        if (aside.size() != 1) {
            return false;
        }
        moveIntoPlace(aside.get(0), target);
        return true;
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

    /**
     * {@code e} as the user would see it: a file system failure about {@code temp} (or a file inside it) turned into
     * the same failure about {@code target}, which is the path the user named; the original stays as the cause.
     */
    private static IOException aboutTarget(IOException e, Path temp, Path target) {
        if (e instanceof FileSystemException fs) {
            String file = renamed(fs.getFile(), temp, target);
            String other = renamed(fs.getOtherFile(), temp, target);
            if (Objects.equals(file, fs.getFile()) && Objects.equals(other, fs.getOtherFile())) {
                return e;
            }
            if (Objects.equals(file, other)) {
                other = null; // a move from the temporary file to the target: the failure is the target's
            }
            return withCause(sameKind(fs, file, other), e);
        }
        String message = e.getMessage();
        if (e.getClass() == IOException.class && message != null && message.contains(temp.toString())) {
            return new IOException(message.replace(temp.toString(), target.toString()), e);
        }
        return e;
    }

    private static String renamed(String file, Path temp, Path target) {
        if (file == null) {
            return null;
        }
        Path path = Path.of(file);
        Path absolute = path.toAbsolutePath();
        Path tempAbsolute = temp.toAbsolutePath();
        if (!absolute.startsWith(tempAbsolute)) {
            return file;
        }
        return target.resolve(tempAbsolute.relativize(absolute)).toString();
    }

    private static FileSystemException sameKind(FileSystemException e, String file, String other) {
        String reason = e.getReason();
        if (e instanceof AccessDeniedException) {
            return new AccessDeniedException(file, other, reason);
        } else if (e instanceof NoSuchFileException) {
            return new NoSuchFileException(file, other, reason);
        } else if (e instanceof NotDirectoryException) {
            return new FileSystemException(file, other, reason != null ? reason : "Not a directory");
        } else if (e instanceof FileAlreadyExistsException) {
            return new FileAlreadyExistsException(file, other, reason);
        } else if (e instanceof DirectoryNotEmptyException) {
            return new FileSystemException(file, other, reason != null ? reason : "Directory not empty");
        } else if (e instanceof AtomicMoveNotSupportedException) {
            return new AtomicMoveNotSupportedException(file, other, reason);
        }
        return new FileSystemException(file, other, reason);
    }

    private static IOException withCause(IOException e, IOException cause) {
        e.initCause(cause);
        return e;
    }

    private static Path parentOf(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null) {
            throw new IllegalArgumentException("cannot write to the file system root: " + target);
        }
        return parent;
    }
}
