package org.deepae.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --threads} option: how many threads TensorFlow runs ops on (towers, lanes), checked as it is parsed. */
final class ThreadsOption {

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  private int threads;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
      description = "TensorFlow threads; 0 uses all cores (default: ${DEFAULT-VALUE}).")
  void set(int value) {
    if (value < 0) {
      throw new ParameterException(mixee.commandLine(), "--threads must be 0 (all cores) or positive, got " + value);
    }
    threads = value;
  }

  /** The thread count; 0 means all cores. */
  int get() {
    return threads;
  }
}
