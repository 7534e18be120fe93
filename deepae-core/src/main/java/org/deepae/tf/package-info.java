/**
 * Everything that touches TensorFlow: building the autoencoder's graph from its spec, running sessions, feeding and
 * fetching, and checkpoints. The only package that imports {@code org.tensorflow}; no native type leaves it.
 */
package org.deepae.tf;
