package org.deepae.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.deepae.data.CsvWriter;
import org.deepae.data.NpyWriter;
import org.deepae.data.CsvRows;
import org.deepae.data.Rows;
import org.deepae.io.AtomicFiles;
import org.deepae.run.ModelInput;
import org.deepae.store.ModelInfo;
import org.deepae.model.Autoencoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deepae encode}: the code (bottleneck values) of every input row. */
@Command(name = "encode", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Write the code of every input row (the bottleneck layer's values) to a CSV or NPY file.")
final class EncodeCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ModelOptions model;

  @Mixin
  InputOptionsMixin input;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "codes.csv (header code_0, ...; a label column when the input has labels) or codes.npy (float32).")
  Path out;

  @Mixin
  VerboseOption verbose;

  @Override
  public Integer call() throws IOException {
    model.validate(spec.commandLine());
    input.validate(spec.commandLine());
    OutputFile target = OutputFile.check(spec.commandLine(), out, List.of("csv", "npy"));
    ModelInfo info = model.info();
    ModelInput.Read read = input.readFor(spec.commandLine(), info, null);
    Rows rows = read.rows();
    read.notes().forEach(note -> spec.commandLine().getErr().println("note: " + note));
    spec.commandLine().getErr().flush();
    float[] codes;
    try (Autoencoder autoencoder = model.load()) {
      codes = autoencoder.encode(rows.values(), rows.count());
    }
    Rows result = new Rows(codes, rows.count(), info.spec().codeSize(), rows.labels(), rows.ids(), null,
        rows.source());
    if (target.format().equals("csv") && rows.hasIds()) {
      writeWithIds(target.path(), result, read.labelNames());
    } else if (target.format().equals("csv")) {
      CsvWriter.write(target.path(), result, "code_");
    } else {
      NpyWriter.write(target.path(), result);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println("Encoded " + rows.count() + " rows of " + rows.source() + " into codes of "
        + info.spec().codeSize() + " values: " + target.path());
    stdout.flush();
    return 0;
  }

  /** The codes as CSV with the rows' ids first (and their labels' names when labelled). */
  static void writeWithIds(Path file, Rows codes, List<String> labelNames) throws IOException {
    List<String> header = new ArrayList<>(List.of("id"));
    if (codes.hasLabels()) {
      header.add("label");
    }
    for (int j = 0; j < codes.width(); j++) {
      header.add("code_" + j);
    }
    AtomicFiles.write(file, out -> {
      CsvRows csv = new CsvRows(out, header);
      List<String> cells = new ArrayList<>(header.size());
      float[] values = codes.values();
      for (int i = 0; i < codes.count(); i++) {
        cells.clear();
        cells.add(codes.id(i));
        if (codes.hasLabels()) {
          int label = codes.labels()[i];
          cells.add(label < labelNames.size() ? labelNames.get(label) : String.valueOf(label));
        }
        for (int j = 0; j < codes.width(); j++) {
          cells.add(Float.toString(values[i * codes.width() + j]));
        }
        csv.row(cells);
      }
      csv.flush();
    });
  }
}
