package org.deepae.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data file that exists but does not hold what it should; the message names the file, the expectation and the
 * finding.
 */
public class DataFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;

    /**
     * Creates an exception about {@code source}.
     *
     * @param source the file, URL or resource that is malformed
     * @param problem what was expected and what was found
     * @param cause the underlying error, or {@code null}
     */
    public DataFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
    }

    /** Creates an exception about {@code source} with no underlying cause. */
    public DataFormatException(String source, String problem) {
        this(source, problem, null);
    }

    /** Creates an exception about {@code file}. */
    public DataFormatException(Path file, String problem, Throwable cause) {
        this(file.toString(), problem, cause);
    }

    /** Creates an exception about {@code file} with no underlying cause. */
    public DataFormatException(Path file, String problem) {
        this(file.toString(), problem, null);
    }

    /** The file, URL or resource the message is about. */
    public String source() {
        return source;
    }
}
