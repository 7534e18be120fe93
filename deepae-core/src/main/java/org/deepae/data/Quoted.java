package org.deepae.data;

/** A value from a data file quoted for an error message, shortened so that a huge cell is never echoed in full. */
public final class Quoted {
    /** The most characters of a value a message quotes; a longer value is cut there and its length given. */
    public static final int PREFIX = 40;

    private Quoted() {}

    /**
     * {@code value} in single quotes, such as {@code 'abc'}; a value longer than {@link #PREFIX} characters becomes its
     * first {@code PREFIX} characters (one fewer rather than half a surrogate pair), {@code ...} and its length:
     * {@code '0123...' (51 characters)}.
     */
    public static String of(String value) {
        if (value.length() <= PREFIX) {
            return "'" + value + "'";
        }
        return "'" + prefix(value) + "...' (" + value.length() + " characters)";
    }

    /**
     * The first {@link #PREFIX} characters of {@code value} (one fewer rather than half a surrogate pair), or all of it
     * when it is shorter.
     */
    public static String prefix(String value) {
        if (value.length() <= PREFIX) {
            return value;
        }
        int cut = Character.isHighSurrogate(value.charAt(PREFIX - 1)) ? PREFIX - 1 : PREFIX;
        return value.substring(0, cut);
    }
}
