package org.deepae.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.deepae.data.Preprocessing;

/**
 * The input layout of a SavedModel exported from a model with a preprocessing: the scaling its graph applies (an
 * offset and a scale per encoded feature, 0 and 1 for one-hot slots) and the JSON written beside it as
 * {@code assets.extra/deepae-inputs.json}, which says how to build a row of {@code x} from a table row:
 *
 * <pre>{@code
 * {
 *   "format": "deepae-savedmodel-inputs", "format_version": 1,
 *   "input": "x",                      // the signatures' input (and x_hat's layout)
 *   "width": 7,                        // values per row
 *   "scaling_in_graph": true,          // false: every offset 0 and scale 1, the graph scales nothing
 *   "missing": "impute",               // deepae's rule: impute (numeric: fill; one-hot: <missing>) | error
 *   "columns": [                       // the raw columns, in order
 *     {"name": "temperature", "kind": "numeric", "encoding": "numeric", "first_feature": 0, "width": 1},
 *     {"name": "site", "kind": "text", "encoding": "one-hot", "first_feature": 2, "width": 5,
 *      "levels": ["north", "south", "east"]}
 *   ],
 *   "features": [                      // one per value of x, in order
 *     {"index": 0, "name": "temperature", "kind": "numeric", "column": "temperature",
 *      "offset": 20.1, "scale": 4.9, "fill": 20.1},      // raw value in x; fill replaces a missing one
 *     {"index": 2, "name": "site=north", "kind": "one-hot", "column": "site", "slot": "level", "level": "north"},
 *     {"index": 5, "name": "site=<other>", "kind": "one-hot", "column": "site", "slot": "other"},
 *     {"index": 6, "name": "site=<missing>", "kind": "one-hot", "column": "site", "slot": "missing"}
 *   ]
 * }
 * }</pre>
 *
 * Built from {@link Preprocessing#toJson()} (its documented form) and the preprocessing's feature accessors.
 */
final class SavedModelInputs {

    static final String FORMAT = "deepae-savedmodel-inputs";
    static final int FORMAT_VERSION = 1;
    static final String FILE = "assets.extra/deepae-inputs.json";
    static final String NUMERIC = "numeric";
    static final String ONE_HOT = "one-hot";

    private final double[] offsets;
    private final double[] scales;
    private final ObjectNode json;

    private SavedModelInputs(double[] offsets, double[] scales, ObjectNode json) {
        this.offsets = offsets;
        this.scales = scales;
        this.json = json;
    }

    /** The layout of a model with {@code preprocessing}. */
    static SavedModelInputs of(Preprocessing preprocessing) {
        int width = preprocessing.width();
        List<String> names = preprocessing.featureNames();
        double[] offsets = new double[width];
        double[] scales = new double[width];
        ObjectNode fitted = preprocessing.toJson();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("format_version", FORMAT_VERSION);
        root.put("input", "x");
        root.put("width", width);
        root.put("scaling_in_graph", false);
        root.put("missing", fitted.path("missing").asText());
        ArrayNode columns = root.putArray("columns");
        ArrayNode features = root.putArray("features");
        int f = 0;
        for (JsonNode column : fitted.path("columns")) {
            String name = column.path("name").asText();
            boolean scaled = column.path("encoding").asText().equals("scaled");
            ObjectNode out = columns.addObject();
            out.put("name", name);
            out.put("kind", column.path("kind").asText());
            out.put("encoding", scaled ? NUMERIC : ONE_HOT);
            out.put("first_feature", f);
            if (scaled) {
                out.put("width", 1);
                offsets[f] = preprocessing.offset(f);
                scales[f] = preprocessing.scale(f);
                ObjectNode feature = feature(features, f, names.get(f), NUMERIC, name);
                feature.put("offset", offsets[f]);
                feature.put("scale", scales[f]);
                feature.put("fill", column.path("fill").doubleValue());
                f++;
                continue;
            }
            JsonNode levels = column.path("levels");
            out.put("width", levels.size() + 2);
            out.set("levels", levels.deepCopy());
            for (JsonNode level : levels) {
                scales[f] = 1;
                feature(features, f, names.get(f), ONE_HOT, name)
                        .put("slot", "level")
                        .put("level", level.asText());
                f++;
            }
            for (String slot : List.of("other", "missing")) {
                scales[f] = 1;
                feature(features, f, names.get(f), ONE_HOT, name).put("slot", slot);
                f++;
            }
        }
        if (f != width) {
            throw new IllegalStateException(
                    "the preprocessing's columns make " + f + " features, but its width is " + width);
        }
        SavedModelInputs inputs = new SavedModelInputs(offsets, scales, root);
        root.put("scaling_in_graph", !inputs.isIdentity());
        return inputs;
    }

    private static ObjectNode feature(ArrayNode features, int index, String name, String kind, String column) {
        ObjectNode feature = features.addObject();
        feature.put("index", index);
        feature.put("name", name);
        feature.put("kind", kind);
        feature.put("column", column);
        return feature;
    }

    /** Per feature, the offset the graph subtracts: the numeric column's, 0 for a one-hot slot. */
    double[] offsets() {
        return offsets.clone();
    }

    /** Per feature, the scale the graph divides by: the numeric column's, 1 for a one-hot slot. */
    double[] scales() {
        return scales.clone();
    }

    /** Whether every offset is 0 and every scale 1, so that the graph scales nothing. */
    boolean isIdentity() {
        for (int i = 0; i < offsets.length; i++) {
            if (offsets[i] != 0 || scales[i] != 1) {
                return false;
            }
        }
        return true;
    }

    /** The JSON described in the class comment. */
    ObjectNode toJson() {
        return json.deepCopy();
    }
}
