package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.deepae.io.JsonFields;
import org.deepae.io.JsonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessingJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Table training() {
        Random random = new Random(7);
        double[] x = new double[50];
        double[] zip = new double[50];
        String[] color = new String[50];
        String[] colors = {"red", "blue", "green", "teal", "ochre", "\"quoted\", comma", "ünïcode"};
        for (int i = 0; i < 50; i++) {
            x[i] = i == 3 ? Double.NaN : random.nextGaussian() * 1e-3 + 0.1 * i / 3;
            zip[i] = 1000 + random.nextInt(4);
            color[i] = i % 9 == 0 ? null : colors[random.nextInt(colors.length)];
        }
        return Table.of(
                "train.csv",
                List.of(new Column.Numeric("x", x), new Column.Text("color", color), new Column.Numeric("zip", zip)));
    }

    private static Preprocessing fitted(Scaling scaling) throws DataFormatException {
        return Preprocessing.fit(training(), new PreprocessingOptions(scaling, Set.of("zip"), 4, MissingValues.IMPUTE));
    }

    private JsonFields written(ObjectNode node) throws IOException {
        Path file = dir.resolve("model.json");
        Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
        return JsonFiles.readObject(file);
    }

    private ObjectNode damaged(Consumer<ObjectNode> damage) throws DataFormatException {
        ObjectNode node = fitted(Scaling.STANDARD).toJson();
        damage.accept(node);
        return node;
    }

    private static ObjectNode column(ObjectNode root, int i) {
        return (ObjectNode) root.get("columns").get(i);
    }

    @Test
    void roundTripIsExactForEveryScaling() throws IOException {
        for (Scaling scaling : Scaling.values()) {
            Preprocessing p = fitted(scaling);
            Preprocessing back = Preprocessing.fromJson(written(p.toJson()));

            assertThat(back).as(scaling.id()).isEqualTo(p);
            for (int f = 0; f < p.width(); f++) {
                if (p.featureColumns()[f] == 0) {
                    assertThat(Double.doubleToRawLongBits(back.offset(f)))
                            .isEqualTo(Double.doubleToRawLongBits(p.offset(f)));
                    assertThat(Double.doubleToRawLongBits(back.scale(f)))
                            .isEqualTo(Double.doubleToRawLongBits(p.scale(f)));
                }
            }
            assertThat(back.featureNames()).isEqualTo(p.featureNames());
            assertThat(back.inputs()).isEqualTo(p.inputs());
            assertThat(back.options()).isEqualTo(p.options());
            assertThat(back.encode(training())).isEqualTo(p.encode(training()));
        }
    }

    @Test
    void roundTripKeepsInfiniteLevelsAndTextColumnsNamedCategorical() throws IOException {
        Table t = Table.of(
                "t.csv",
                List.of(
                        new Column.Numeric("z", new double[] {Double.NEGATIVE_INFINITY, 1, -0.0}),
                        new Column.Text("c", new String[] {"u", null, "v"})));
        Preprocessing p = Preprocessing.fit(t, PreprocessingOptions.defaults().withCategorical(Set.of("z", "c")));
        Preprocessing back = Preprocessing.fromJson(written(p.toJson()));

        assertThat(back).isEqualTo(p);
        assertThat(back.featureNames()).startsWith("z=-Infinity", "z=1.0", "z=-0.0", "z=<other>");
        assertThat(back.decode(back.encode(t).values(), 3, "t.csv")).isEqualTo(t);
    }

    @Test
    void writesTheDocumentedForm() throws DataFormatException {
        Preprocessing p = Preprocessing.fit(
                Table.of(
                        "t.csv",
                        List.of(
                                new Column.Numeric("age", new double[] {1, 3}),
                                new Column.Text("color", new String[] {"red", null}))),
                PreprocessingOptions.defaults());
        assertThat(p.toJson().toString())
                .isEqualTo("{\"scaling\":\"standard\",\"missing\":\"impute\","
                        + "\"max_levels\":20,\"categorical\":[],\"columns\":["
                        + "{\"name\":\"age\",\"kind\":\"numeric\",\"encoding\":\"scaled\","
                        + "\"offset\":2.0,\"scale\":1.0,\"fill\":2.0},"
                        + "{\"name\":\"color\",\"kind\":\"text\",\"encoding\":\"one_hot\",\"levels\":[\"red\"]}]}");
    }

    @Test
    void readsANestedObjectNamingItsPath() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode inner = damaged(n -> column(n, 0).put("scale", 0.0));
        root.set("preprocessing", inner);
        JsonFields model = written(root);
        assertThatThrownBy(() -> Preprocessing.fromJson(model.object("preprocessing")))
                .hasMessage(dir.resolve("model.json")
                        + ": preprocessing.columns[0].scale: expected a finite number above 0, found 0.0");
    }

    private void refuses(Consumer<ObjectNode> damage, String message) throws IOException {
        JsonFields node = written(damaged(damage));
        assertThatThrownBy(() -> Preprocessing.fromJson(node))
                .isInstanceOf(IOException.class)
                .hasMessage(dir.resolve("model.json") + ": " + message);
    }

    @Test
    void refusesMissingAndMistypedFields() throws IOException {
        refuses(n -> n.remove("scaling"), "scaling: missing, expected a string");
        refuses(n -> n.put("scaling", "log"), "scaling: expected one of 'standard', 'minmax', 'none', found 'log'");
        refuses(n -> n.put("missing", 1), "missing: expected a string, found 1 (a number)");
        refuses(n -> n.remove("columns"), "columns: missing, expected a list of columns");
        refuses(n -> n.putArray("columns"), "columns: expected at least one column, found none");
        refuses(n -> n.put("columns", "x"), "columns: expected a list, found \"x\" (a string)");
        refuses(n -> n.remove("categorical"), "categorical: missing, expected a list of strings");
        refuses(n -> n.putArray("categorical").add(3), "categorical[0]: expected a string, found '3'");
        refuses(n -> column(n, 0).remove("fill"), "columns[0].fill: missing, expected a finite number");
        refuses(
                n -> column(n, 0).put("offset", "1.5"),
                "columns[0].offset: expected a finite number, found \"1.5\" (a string)");
    }

    @Test
    void refusesValuesOutOfRange() throws IOException {
        refuses(n -> n.put("max_levels", -1), "max_levels: expected an integer from 1 to 2147483647, found -1");
        refuses(n -> n.put("max_levels", 2), "columns[1].levels: expected at most 2 levels (max_levels), found 4");
        refuses(n -> column(n, 0).put("scale", -2.0), "columns[0].scale: expected a finite number above 0, found -2.0");
        refuses(
                n -> column(n, 0).put("kind", "date"),
                "columns[0].kind: expected one of 'numeric', 'text', found 'date'");
        refuses(
                n -> column(n, 0).put("encoding", "hashed"),
                "columns[0].encoding: expected 'scaled' or 'one_hot', found 'hashed'");
        refuses(
                n -> column(n, 1).put("encoding", "scaled"),
                "columns[1].encoding: expected 'one_hot' for a text column, found 'scaled'");
        refuses(
                n -> column(n, 0).put("encoding", "one_hot"),
                "columns[0].encoding: expected 'scaled' for a numeric "
                        + "column not listed in categorical, found 'one_hot'");
        refuses(
                n -> column(n, 2).putArray("levels").add("1000"),
                "columns[2].levels[0]: expected a number as Java writes a double (such as '3.0'), found '1000'");
        refuses(
                n -> ((ArrayNode) column(n, 1).get("levels"))
                        .add(column(n, 1).get("levels").get(0).textValue()),
                "columns[1].levels: expected at most 4 levels (max_levels), found 5");
        refuses(
                n -> ((ArrayNode) column(n, 1).get("levels"))
                        .set(1, column(n, 1).get("levels").get(0)),
                "columns[1].levels[1]: level "
                        + Quoted.of(column(n(), 1).get("levels").get(0).textValue())
                        + " appears twice (also levels[0])");
        refuses(n -> column(n, 1).put("name", "x"), "columns[1].name: column 'x' appears twice");
        refuses(n -> ((ArrayNode) n.get("categorical")).add("nowhere"), "categorical[1]: names no column: 'nowhere'");
    }

    private ObjectNode n() {
        try {
            return fitted(Scaling.STANDARD).toJson();
        } catch (DataFormatException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void refusesAnInfiniteScaleInTheFile() throws IOException {
        String text = fitted(Scaling.STANDARD).toJson().toString().replaceFirst("\"scale\":[^,]*", "\"scale\":1e999");
        Path file = dir.resolve("model.json");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        JsonFields node = JsonFiles.readObject(file);
        assertThatThrownBy(() -> Preprocessing.fromJson(node))
                .hasMessage(file + ": columns[0].scale: expected a finite number, found Infinity");
    }
}
