package org.deepae.data;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A published checksum of a file: an algorithm and the expected hex digest.
 *
 * @param algorithm {@code SHA-256} or {@code MD5}
 * @param hex the expected digest in lower-case hex
 */
public record Checksum(String algorithm, String hex) {
    public Checksum {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hex, "hex");
        int length = switch (algorithm) {
            case "SHA-256" -> 64;
            case "MD5" -> 32;
            default ->
                throw new IllegalArgumentException("checksum algorithm must be SHA-256 or MD5, got " + algorithm);
        };
        hex = hex.toLowerCase(Locale.ROOT);
        if (hex.length() != length || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException(
                    algorithm + " checksum must be " + length + " hex digits, got \"" + hex + "\"");
        }
    }

    /** A SHA-256 checksum. */
    public static Checksum sha256(String hex) {
        return new Checksum("SHA-256", hex);
    }

    /** An MD5 checksum. */
    public static Checksum md5(String hex) {
        return new Checksum("MD5", hex);
    }

    /** Parses {@code sha256:<hex>} or {@code md5:<hex>}. */
    public static Checksum parse(String text) {
        int colon = text.indexOf(':');
        String prefix = colon < 0 ? "" : text.substring(0, colon).toLowerCase(Locale.ROOT);
        return switch (prefix) {
            case "sha256" -> sha256(text.substring(colon + 1));
            case "md5" -> md5(text.substring(colon + 1));
            default ->
                throw new IllegalArgumentException("checksum must look like sha256:<hex> or md5:<hex>, got " + text);
        };
    }

    /** A fresh digest for this checksum's algorithm. */
    public MessageDigest newDigest() {
        return newDigest(algorithm);
    }

    /** Whether {@code digest} (finished bytes) matches this checksum. */
    public boolean matches(byte[] digest) {
        return hex.equals(hex(digest));
    }

    @Override
    public String toString() {
        return (algorithm.equals("SHA-256") ? "sha256:" : "md5:") + hex;
    }

    static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides " + algorithm, e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
