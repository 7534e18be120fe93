package org.deepae.data;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * A table read in chunks, so that a file far larger than memory can be encoded or scored row by row: CSV, TSV or
 * Parquet. Every chunk has the same columns, of the same kinds, as {@link #columns()}.
 */
public interface TableSource extends Closeable {

    /** The name and kind of each column, in file order. */
    List<ColumnHead> columns();

    /**
     * The next at most {@code maxRows} rows, or {@code null} when there are none left.
     *
     * @throws DataFormatException naming the file, the row or line and the problem
     */
    Table next(int maxRows) throws IOException;

    /** Where the rows come from, for messages. */
    String source();

    /**
     * A column's name and kind.
     *
     * @param name the column's name
     * @param kind what it holds
     */
    record ColumnHead(String name, Column.Kind kind) {}
}
