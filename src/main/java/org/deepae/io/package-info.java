/**
 * Small file-system helpers shared by every layer: atomic writes of files and directories. JDK and SLF4J only.
 */
package org.deepae.io;
