/**
 * The training loop and what watches it: {@link org.deepae.train.Trainer} runs epochs of shuffled mini-batches and
 * reports to {@link org.deepae.train.TrainingListener}s (progress bar, metrics file). Configuration is
 * {@link org.deepae.train.TrainingConfig}.
 */
package org.deepae.train;
