package org.deepae.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deepae.analysis.Pca;
import org.deepae.analysis.PcaCache;
import org.deepae.analysis.PcaModel;
import org.deepae.data.ClassNames;
import org.deepae.data.Dataset;
import org.deepae.data.Rows;
import org.deepae.model.Autoencoder;
import org.deepae.model.Evaluation;
import org.deepae.viz.LatentScatter;

/**
 * What the analysis commands and the report compute about a model on a dataset: its test error beside PCA's at the
 * same code size (fitted on the same training rows, measured on the same test rows), and its codes projected to 2-D.
 * Each result is computed once, when first asked for.
 */
public final class ModelStudy {

    /**
     * The autoencoder's and PCA's errors on the same test rows. PCA keeps as many components as the code has values,
     * or all of the input's when the code is wider (an overcomplete code; PCA is then exact up to rounding).
     */
    public record Comparison(
            int codeSize, int pcaComponents, Evaluation autoencoder, Evaluation pca, double pcaExplainedVariance) {

        /** How the components were chosen, for people: "the code size" or "all of the input's". */
        public String componentsRule() {
            return pcaComponents == codeSize ? "the code size" : "all of the input's; the code is wider";
        }

        /** Autoencoder error over PCA error: below 1 means the autoencoder reconstructs better. */
        public double ratio() {
            return autoencoder.meanSquaredError() / pca.meanSquaredError();
        }
    }

    /** The test codes in 2-D, with their labels and a title that says how they were made. */
    public record LatentMap(float[][] points, int[] labels, String title) {}

    private final Autoencoder model;
    private final Dataset data;
    private final int threads;
    private final PcaCache pcas;
    private Comparison comparison;
    private PcaModel pca;
    private LatentMap latent;

    /** @param pcas where the PCA of the data is kept between runs */
    public ModelStudy(Autoencoder model, Dataset data, int threads, PcaCache pcas) {
        this.model = model;
        this.data = data;
        this.threads = threads;
        this.pcas = pcas;
    }

    public Comparison comparison() {
        if (comparison == null) {
            int codeSize = model.spec().codeSize();
            int k = Math.min(codeSize, data.features());
            pca = pcas.fitted(data, threads);
            comparison = new Comparison(
                    codeSize,
                    k,
                    model.evaluate(data.test()),
                    pca.evaluate(data.test(), k),
                    pca.explainedVarianceRatio(k));
        }
        return comparison;
    }

    /** Each test row's reconstruction error under the PCA of {@link #comparison()} (its components). */
    public float[] pcaRowErrors() {
        Comparison c = comparison();
        return pca.rowErrors(data.test().values(), data.test().count(), c.pcaComponents());
    }

    public LatentMap latent() {
        if (latent == null) {
            Rows test = data.test();
            int k = model.spec().codeSize();
            float[] codes = model.encode(test.values(), test.count());
            float[][] points = new float[test.count()][2];
            String how;
            if (k == 2) {
                for (int i = 0; i < test.count(); i++) {
                    points[i][0] = codes[2 * i];
                    points[i][1] = codes[2 * i + 1];
                }
                how = "2-D codes";
            } else if (k == 1) {
                for (int i = 0; i < test.count(); i++) {
                    points[i][0] = codes[i];
                }
                how = "1-D codes on a line";
            } else if (test.count() < 2) {
                how = String.format(Locale.ROOT, "%d-D code at the origin: one code has no spread to project", k);
            } else {
                PcaModel pca = new Pca(threads).fit(new Rows(codes, test.count(), k, null, "codes"), null);
                float[] projected = pca.encode(codes, test.count(), 2);
                for (int i = 0; i < test.count(); i++) {
                    points[i][0] = projected[2 * i];
                    points[i][1] = projected[2 * i + 1];
                }
                how = String.format(Locale.ROOT, "%d-D codes, PCA to 2-D", k);
            }
            latent = new LatentMap(
                    points,
                    test.labels(),
                    String.format(
                            Locale.ROOT,
                            "%,d %s test images (%s)",
                            test.count(),
                            data.info().name(),
                            how));
        }
        return latent;
    }

    /** The comparison as table rows: overall, then one per class. */
    public List<List<String>> comparisonTable() {
        Comparison c = comparison();
        List<List<String>> rows = new ArrayList<>();
        rows.add(row(
                "all",
                c.autoencoder().rows(),
                c.autoencoder().meanSquaredError(),
                c.pca().meanSquaredError()));
        c.autoencoder()
                .perClass()
                .forEach((label, error) -> rows.add(row(
                        className(label),
                        error.rows(),
                        error.meanSquaredError(),
                        c.pca().perClass().get(label).meanSquaredError())));
        return rows;
    }

    /** A label with its class name when the dataset has names: {@code 0 T-shirt/top}, or just {@code 3}. */
    public String className(int label) {
        String name = data.labelNames().isEmpty() ? ClassNames.name(data.info().name(), label) : data.labelName(label);
        return name.equals(String.valueOf(label)) ? name : label + " " + name;
    }

    /** The latent map's scatter plot, with the dataset's class names in its legend when it has them. */
    public static LatentScatter scatter(Dataset data, LatentMap map) {
        LatentScatter scatter = LatentScatter.titled(map.title());
        if (!data.labelNames().isEmpty()) {
            return scatter.withClassNames(data.labelNames());
        }
        return ClassNames.of(data.info().name()).map(scatter::withClassNames).orElse(scatter);
    }

    public static final List<String> COMPARISON_HEADER =
            List.of("class", "images", "autoencoder MSE", "PCA MSE", "autoencoder / PCA");

    private static List<String> row(String name, int images, double ae, double pca) {
        return List.of(
                name,
                String.valueOf(images),
                String.format(Locale.ROOT, "%.6f", ae),
                String.format(Locale.ROOT, "%.6f", pca),
                String.format(Locale.ROOT, "%.3f", ae / pca));
    }
}
