/**
 * Small file-system helpers shared by every layer: atomic writes of files and directories. JDK only.
 */
package org.deepae.io;
