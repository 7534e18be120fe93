/**
 * Pictures of what a model does: image grids such as the tutorial's originals-above-reconstructions figure, charts
 * of losses, latent codes and reconstruction errors (XChart), and a self-contained HTML report that embeds them.
 * Everything is drawn headless from plain arrays and records and written atomically.
 */
package org.deepae.viz;
