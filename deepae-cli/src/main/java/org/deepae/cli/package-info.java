/**
 * The {@code deepae} command line: picocli commands that parse options, call the library and print results to
 * stdout (progress and warnings to stderr). Nothing else depends on this package.
 */
package org.deepae.cli;
