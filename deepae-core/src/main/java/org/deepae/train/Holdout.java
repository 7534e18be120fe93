package org.deepae.train;

import java.util.Arrays;
import java.util.Random;
import org.deepae.data.Rows;

/**
 * A seeded split of the training rows into rows to train on and rows held out for validation.
 *
 * @param train the rows trained on
 * @param validation the held-out rows, or {@code null} when nothing is held out
 */
record Holdout(Rows train, Rows validation) {

    /** Holds out {@code round(fraction * rows)} rows chosen by a shuffle seeded with {@code seed}. */
    static Holdout of(Rows all, double fraction, long seed) {
        int held = (int) Math.round(fraction * all.count());
        if (held == 0) {
            return new Holdout(all, null);
        }
        if (held >= all.count()) {
            throw new IllegalArgumentException(
                    "a validation split of " + fraction + " leaves no training rows out of " + all.count());
        }
        int[] order = new int[all.count()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Trainer.shuffle(order, new Random(seed ^ 0x5DEECE66DL));
        int[] trainRows = Arrays.copyOfRange(order, 0, order.length - held);
        int[] validationRows = Arrays.copyOfRange(order, order.length - held, order.length);
        Arrays.sort(trainRows);
        Arrays.sort(validationRows);
        return new Holdout(all.select(trainRows), all.select(validationRows));
    }
}
