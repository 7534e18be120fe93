package org.deepae.model;

/** The reconstruction loss minimized in training. */
public enum Loss {
  /** Mean over the batch and all input values of the squared error, as in the tutorial. */
  MSE
}
