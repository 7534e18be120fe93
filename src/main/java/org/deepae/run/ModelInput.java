package org.deepae.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.deepae.data.Column;
import org.deepae.data.CsvTableOptions;
import org.deepae.data.DataFormatException;
import org.deepae.data.DataSource;
import org.deepae.data.DatasetCatalog;
import org.deepae.data.Encoded;
import org.deepae.data.InputOptions;
import org.deepae.data.InputReader;
import org.deepae.data.Preprocessing;
import org.deepae.data.Quoted;
import org.deepae.data.Rows;
import org.deepae.data.Split;
import org.deepae.data.Table;
import org.deepae.data.TrainingData;
import org.deepae.store.ModelInfo;

/**
 * The rows a model works on, read from any input and preprocessed as the model's training rows were: a table's
 * columns matched to the model's by name and encoded by its preprocessing (its id, label and truth columns taken
 * out, other columns left alone), images and arrays scaled by it, or used as read when the model has none.
 */
public final class ModelInput {

  /** The id and label columns a model was trained with, as {@code model.json} records them. */
  public static final String ID_COLUMN = "id_column";

  /** See {@link #ID_COLUMN}. */
  public static final String LABEL_COLUMN = "label_column";

  private ModelInput() {}

  /**
   * What to read.
   *
   * @param input a catalogue name, a directory or a file
   * @param split which half of a catalogue dataset
   * @param labelColumn a table's label column, or {@code null} for the model's own (if any)
   * @param idColumn a table's id column, or {@code null} for the model's own (if any)
   * @param truthColumn a table's column of ground truth for evaluation, or {@code null}
   * @param csv how CSV files are read
   * @param catalog where catalogue names are looked up
   */
  public record Request(String input, Split split, String labelColumn, String idColumn, String truthColumn,
      CsvTableOptions csv, DatasetCatalog catalog) {
    public Request {
      Objects.requireNonNull(input, "input");
      split = split == null ? Split.TEST : split;
      csv = csv == null ? CsvTableOptions.DEFAULT : csv;
      Objects.requireNonNull(catalog, "catalog");
    }
  }

  /**
   * What was read.
   *
   * @param rows the rows as the network takes them, with ids and labels when the input has them
   * @param truth each row's ground-truth value as text (a table's truth column), or {@code null}
   * @param labelNames the labels' names, by label; empty when labels are their own names
   * @param notes how the rows were read (values imputed, levels scored as other), one line each
   */
  public record Read(Rows rows, String[] truth, List<String> labelNames, List<String> notes) {}

  /**
   * Reads {@code request}'s input for the model described by {@code info}.
   *
   * @throws IOException naming the input and the problem when it cannot be read or does not fit the model
   */
  public static Read read(Request request, ModelInfo info) throws IOException {
    Preprocessing preprocessing = info.preprocessing();
    boolean tableModel = preprocessing != null && !preprocessing.isIdentity() && isTableModel(info);
    if (!tableModel) {
      if (request.truthColumn() != null) {
        throw new IllegalArgumentException("--truth-column is for tables read through a model trained on a table");
      }
      InputOptions options = InputOptions.defaults().withSplit(request.split()).withLabelColumn(request.labelColumn())
          .withCatalog(request.catalog());
      int width = preprocessing != null ? preprocessing.inputs().size() : info.spec().inputSize();
      options = info.hasImageSize() && info.imageChannels() == 1
          ? options.withExpectedImageSize(info.imageHeight(), info.imageWidth()) : options.withExpectedWidth(width);
      Rows rows = InputReader.read(request.input(), options);
      if (preprocessing != null && !preprocessing.isIdentity()) {
        rows = rows.withValues(preprocessing.encodeNumeric(rows.values(), rows.count()));
      }
      return new Read(rows, null, info.labelNames(), List.of());
    }
    DataSource source = DataSource.open(request.input(), null);
    if (!(source instanceof DataSource.TableFile file)) {
      throw new DataFormatException(source.name(), "the model was trained on a table, and takes a CSV, TSV or "
          + "Parquet table with its columns " + names(preprocessing));
    }
    List<String> notes = new ArrayList<>();
    Table table = TrainingData.readTable(file, request.csv(), new ArrayList<>());
    String labelColumn = request.labelColumn() != null ? request.labelColumn() : recorded(info, LABEL_COLUMN, table);
    String idColumn = request.idColumn() != null ? request.idColumn() : recorded(info, ID_COLUMN, table);
    int[] labels = null;
    List<String> labelNames = new ArrayList<>(info.labelNames());
    if (labelColumn != null) {
      labels = labels(table, table.indexOf(labelColumn), labelNames);
    }
    String[] ids = idColumn == null ? null : text(table, table.indexOf(idColumn));
    String[] truth = request.truthColumn() == null ? null : text(table, table.indexOf(request.truthColumn()));
    Set<String> wanted = new HashSet<>(preprocessing.inputs().stream().map(h -> h.name()).toList());
    List<Integer> others = new ArrayList<>();
    List<String> missing = new ArrayList<>(wanted);
    for (int c = 0; c < table.columns().size(); c++) {
      String name = table.column(c).name();
      if (!wanted.contains(name)) {
        others.add(c);
      }
      missing.remove(name);
    }
    if (!missing.isEmpty()) {
      throw new DataFormatException(table.source(), "the model needs the column" + (missing.size() == 1 ? " " : "s ")
          + String.join(", ", missing.stream().map(Quoted::of).toList()) + ", which the table does not have");
    }
    Encoded encoded = preprocessing.encode(table.without(others));
    if (!encoded.summary().isEmpty()) {
      notes.add(encoded.summary());
    }
    Rows rows = new Rows(encoded.values(), encoded.rows(), encoded.width(), labels, ids, null, table.source());
    return new Read(rows, truth, labelNames, notes);
  }

  /** Whether the model's preprocessing was fitted on a table (its inputs named after columns), not on arrays. */
  private static boolean isTableModel(ModelInfo info) {
    return !info.hasImageSize() && info.training().get("data_kind") instanceof String kind && kind.equals("table");
  }

  private static String recorded(ModelInfo info, String key, Table table) {
    Object name = info.training().get(key);
    return name instanceof String s && table.names().contains(s) ? s : null;
  }

  private static String names(Preprocessing preprocessing) {
    List<String> names = preprocessing.inputs().stream().map(h -> h.name()).toList();
    return names.size() <= 8 ? String.join(", ", names) : String.join(", ", names.subList(0, 8)) + ", ...";
  }

  private static String[] text(Table table, int c) {
    Column column = table.column(c);
    String[] out = new String[column.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = column.isMissing(i) ? "" : column instanceof Column.Numeric n ? TrainingData.number(n.values()[i])
          : column.text(i);
    }
    return out;
  }

  /** Label indices by the model's label names; names the model did not see are appended. */
  private static int[] labels(Table table, int c, List<String> names) throws DataFormatException {
    String[] text = text(table, c);
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
    }
    int[] labels = new int[text.length];
    for (int i = 0; i < text.length; i++) {
      if (table.column(c).isMissing(i)) {
        throw new DataFormatException(table.source(), "data row " + (i + 1) + " has no value in the label column "
            + Quoted.of(table.column(c).name()));
      }
      Integer label = index.get(text[i]);
      if (label == null) {
        label = names.size();
        names.add(text[i]);
        index.put(text[i], label);
      }
      labels[i] = label;
    }
    return labels;
  }
}
