package org.deepae.model;

/**
 * A variational model's negative evidence lower bound on a set of rows, as its two terms, each a mean over the rows.
 *
 * @param reconstruction the reconstruction term: the loss summed over each row's values (binary cross-entropy, in
 *     nats, or squared error)
 * @param divergence the KL divergence from each row's code distribution to the prior N(0, I), in nats
 */
public record ElboTerms(double reconstruction, double divergence) {

    /** The negative ELBO per row: both terms, unweighted. */
    public double negativeElbo() {
        return reconstruction + divergence;
    }

    /** What training minimizes: the reconstruction term plus {@code beta} times the divergence. */
    public double objective(double beta) {
        return reconstruction + beta * divergence;
    }
}
