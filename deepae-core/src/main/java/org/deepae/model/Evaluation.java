package org.deepae.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How well a model reconstructs a set of rows.
 *
 * @param rows number of rows evaluated
 * @param meanSquaredError mean over rows and values of the squared error
 * @param psnr peak signal-to-noise ratio in decibels for values in [0, 1]: {@code 10 log10(1 / mse)}
 * @param perClass mean squared error of each label's rows, by label; empty when the rows have no labels
 */
public record Evaluation(int rows, double meanSquaredError, double psnr, SortedMap<Integer, ClassError> perClass) {

    /** One class's share of an evaluation. */
    public record ClassError(int rows, double meanSquaredError) {}

    public Evaluation {
        perClass = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(perClass, "perClass")));
    }

    /**
     * Aggregates per-row errors.
     *
     * @param rowErrors each row's mean squared error over its values
     * @param labels each row's label, or {@code null}
     */
    public static Evaluation of(float[] rowErrors, int[] labels) {
        if (labels != null && labels.length != rowErrors.length) {
            throw new IllegalArgumentException("expected " + rowErrors.length + " labels, got " + labels.length);
        }
        double total = 0;
        Map<Integer, double[]> sums = new TreeMap<>();
        for (int i = 0; i < rowErrors.length; i++) {
            total += rowErrors[i];
            if (labels != null) {
                double[] sum = sums.computeIfAbsent(labels[i], k -> new double[2]);
                sum[0] += rowErrors[i];
                sum[1]++;
            }
        }
        double mse = rowErrors.length == 0 ? Double.NaN : total / rowErrors.length;
        SortedMap<Integer, ClassError> perClass = new TreeMap<>();
        sums.forEach((label, sum) -> perClass.put(label, new ClassError((int) sum[1], sum[0] / sum[1])));
        return new Evaluation(rowErrors.length, mse, psnr(mse), perClass);
    }

    /** PSNR in decibels of a mean squared error, for values whose peak is 1. */
    public static double psnr(double mse) {
        return 10 * Math.log10(1 / mse);
    }
}
