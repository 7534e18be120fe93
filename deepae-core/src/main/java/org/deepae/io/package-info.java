/**
 * Small file-system helpers shared by every layer: atomic writes of files and directories, bounded reads of small
 * regular files, and the strict JSON reader of every metadata file. JDK, SLF4J and Jackson only.
 */
package org.deepae.io;
