package org.deepae.store;

import java.io.IOException;

/** A model directory that cannot be used: the message names the directory or file and what is wrong. */
public final class ModelFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  public ModelFormatException(String message) {
    super(message);
  }

  public ModelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
