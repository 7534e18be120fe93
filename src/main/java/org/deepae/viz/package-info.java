/**
 * Pictures of what a model does: image grids such as the tutorial's originals-above-reconstructions figure, drawn
 * headless with {@code java.awt} and written as PNG atomically.
 */
package org.deepae.viz;
