package org.deepae.tf;

import java.util.List;
import org.tensorflow.Session;
import org.tensorflow.op.Op;

/** The timing loop of the benchmarks: the mean wall time of a session call that runs fixed targets. */
final class CallTimer {

  private CallTimer() {}

  /**
   * Runs {@code targets} in one call {@code warmUp} times, then for about {@code seconds} and at least ten times, and
   * returns the mean seconds per call of the timed ones.
   */
  static double secondsPerCall(Session session, List<Op> targets, int warmUp, double seconds) {
    run(session, targets, warmUp);
    long budget = (long) (seconds * 1e9);
    int calls = 0;
    long start = System.nanoTime();
    while (System.nanoTime() - start < budget || calls < 10) {
      run(session, targets, 1);
      calls++;
    }
    return (System.nanoTime() - start) / 1e9 / calls;
  }

  private static void run(Session session, List<Op> targets, int times) {
    for (int i = 0; i < times; i++) {
      Session.Runner runner = session.runner();
      targets.forEach(runner::addTarget);
      runner.run().close();
    }
  }
}
