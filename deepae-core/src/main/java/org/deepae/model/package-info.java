/**
 * What an autoencoder is, independent of any engine: the network spec, activations, losses and optimizer settings.
 * Plain records and enums, validated in their constructors; nothing here touches TensorFlow or files.
 */
package org.deepae.model;
