package org.deepae.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deepae.store.SavedModelCalls.call;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deepae.TestImages;
import org.deepae.data.DatasetInfo;
import org.deepae.data.Rows;
import org.deepae.model.Activation;
import org.deepae.model.AdamSpec;
import org.deepae.model.Autoencoder;
import org.deepae.model.DenseSpec;
import org.deepae.model.Loss;
import org.deepae.testing.TestFiles;
import org.deepae.tf.TfAutoencoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorShapeProto;

class SavedModelExportTest {

    private static final DenseSpec SPEC =
            new DenseSpec(16, List.of(8, 3), Activation.RELU, Activation.SIGMOID, Loss.MSE);
    private static final Rows DATA = TestImages.bars(6, 4, 1);

    @TempDir
    static Path dir;

    private static Path modelDir;
    private static Path export;

    @BeforeAll
    static void trainSaveAndExport() throws Exception {
        modelDir = dir.resolve("model");
        export = dir.resolve("saved");
        try (TfAutoencoder model = TfAutoencoder.forTraining(SPEC, AdamSpec.tutorial(), 5, 1)) {
            for (int i = 0; i < 5; i++) {
                model.trainStep(DATA.values(), DATA.count());
            }
            ModelDirectory.save(
                    modelDir,
                    model,
                    ModelInfo.builder(SPEC)
                            .training(Map.of("epochs", 1))
                            .dataset(new DatasetInfo("bars", "test", "00", null))
                            .imageSize(4, 4)
                            .rows(6, 6)
                            .finalTestLoss(0.1)
                            .deepaeVersion("test")
                            .build());
        }
        ModelDirectory.exportSavedModel(modelDir, export);
    }

    @Test
    void exportHasTheServingLayoutAndNoOptimizerState() throws Exception {
        assertThat(export.resolve("saved_model.pb")).isRegularFile();
        assertThat(export.resolve("variables").resolve("variables.index")).isRegularFile();
        assertThat(export.resolve("assets.extra").resolve("deepae-model.json")).isRegularFile();
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("model", "saved");
        }
        try (SavedModelBundle bundle = SavedModelBundle.load(export.toString(), "serve")) {
            assertThat(bundle.signatures())
                    .extracting(Signature::key)
                    .contains("encode", "decode", "reconstruct", "serving_default");
            var defs = bundle.metaGraphDef().getSignatureDefMap();
            var encode = defs.get("encode");
            assertThat(encode.getInputsMap()).containsOnlyKeys("x");
            assertThat(encode.getOutputsMap()).containsOnlyKeys("code");
            assertThat(encode.getInputsMap().get("x").getTensorShape().getDimList())
                    .extracting(d -> d.getSize())
                    .containsExactly(-1L, 16L);
            assertThat(encode.getOutputsMap().get("code").getTensorShape().getDimList())
                    .extracting(d -> d.getSize())
                    .containsExactly(-1L, 3L);
            assertThat(encode.getInputsMap().get("x").getDtype()).isEqualTo(org.tensorflow.proto.DataType.DT_FLOAT);
            assertThat(defs.get("decode").getInputsMap()).containsOnlyKeys("code");
            assertThat(defs.get("decode").getOutputsMap()).containsOnlyKeys("x_hat");
            assertThat(defs.get("serving_default").getOutputsMap()).containsOnlyKeys("x_hat");
            assertThat(bundle.metaGraphDef().getMetaInfoDef().getTagsList()).containsExactly("serve");
            for (Signature signature : bundle.signatures()) {
                if (List.of("encode", "decode", "reconstruct", "serving_default")
                        .contains(signature.key())) {
                    assertThat(signature.methodName()).isEqualTo("tensorflow/serving/predict");
                }
            }
            assertThat(bundle.graph().operation("dense0_w_adam_m")).isNull();
            assertThat(bundle.graph().operation("adam_beta1_power")).isNull();
        }
    }

    @Test
    void everySignatureGivesTheDeepaeModelsNumbers() throws Exception {
        float[] codes;
        float[] reconstructions;
        float[] decoded;
        try (Autoencoder model = Autoencoder.load(modelDir)) {
            codes = model.encode(DATA.values(), DATA.count());
            reconstructions = model.reconstruct(DATA.values(), DATA.count());
            decoded = model.decode(codes, DATA.count());
        }
        assertThat(decoded).containsExactly(reconstructions);
        try (SavedModelBundle bundle = SavedModelBundle.load(export.toString(), "serve")) {
            assertThat(call(bundle, "encode", "x", DATA.values(), 16, "code", 3))
                    .containsExactly(codes);
            assertThat(call(bundle, "reconstruct", "x", DATA.values(), 16, "x_hat", 16))
                    .containsExactly(reconstructions);
            assertThat(call(bundle, "decode", "code", codes, 3, "x_hat", 16)).containsExactly(decoded);
        }
    }

    @Test
    void theExportLoadsAsADeepaeModel() throws Exception {
        try (Autoencoder fromDir = Autoencoder.load(modelDir);
                Autoencoder fromExport = Autoencoder.load(export)) {
            assertThat(fromExport.spec()).isEqualTo(SPEC);
            assertThat(fromExport.reconstruct(DATA.values(), DATA.count()))
                    .containsExactly(fromDir.reconstruct(DATA.values(), DATA.count()));
        }
        assertThat(ModelDirectory.readInfo(export).dataset().name()).isEqualTo("bars");
    }

    @Test
    void aSavedModelWithoutDeepaeMetadataIsNamed(@TempDir Path other) throws Exception {
        Files.writeString(other.resolve("saved_model.pb"), "");
        assertThatThrownBy(() -> Autoencoder.load(other))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage(other + ": a SavedModel not exported by deepae (no assets.extra/deepae-model.json)");
    }

    @Test
    void loadingSomethingElseNamesIt(@TempDir Path other) {
        assertThatThrownBy(() -> Autoencoder.load(other))
                .hasMessageContaining(other.toString())
                .hasMessageContaining("no model.json")
                .hasMessageContaining("no saved_model.pb");
        assertThatThrownBy(() -> Autoencoder.load(other.resolve("missing")))
                .hasMessageContaining("no such model directory");
    }

    @Test
    void aSavedModelWhoseGraphFileIsBrokenIsRefused(@TempDir Path other) throws Exception {
        Path copy = TestFiles.copyTree(export, other.resolve("saved"));
        Path pb = copy.resolve("saved_model.pb");
        Files.write(pb, new byte[] {(byte) 0xff, 0x01, 0x02, 0x7f, 0x00});
        assertThatThrownBy(() -> Autoencoder.load(copy))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith(pb + ": not a valid SavedModel (");
        Files.write(pb, new byte[0]);
        assertThatThrownBy(() -> ModelDirectory.readInfo(copy))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage(pb + ": not a valid SavedModel (empty file)");
    }

    @Test
    void aSavedModelWithoutTheServeTagOrASignatureIsRefused(@TempDir Path other) throws Exception {
        Path copy = TestFiles.copyTree(export, other.resolve("saved"));
        Path pb = copy.resolve("saved_model.pb");
        SavedModel original = SavedModel.parseFrom(Files.readAllBytes(export.resolve("saved_model.pb")));
        MetaGraphDef graph = original.getMetaGraphs(0);

        Files.write(
                pb,
                original.toBuilder()
                        .setMetaGraphs(
                                0,
                                graph.toBuilder()
                                        .setMetaInfoDef(graph.getMetaInfoDef().toBuilder()
                                                .clearTags()
                                                .addTags("train")))
                        .build()
                        .toByteArray());
        assertThatThrownBy(() -> Autoencoder.load(copy))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage(pb + ": not a valid SavedModel (no MetaGraph tagged \"serve\")");

        Files.write(
                pb,
                original.toBuilder()
                        .setMetaGraphs(0, graph.toBuilder().removeSignatureDef("decode"))
                        .build()
                        .toByteArray());
        assertThatThrownBy(() -> Autoencoder.load(copy))
                .hasMessage(pb + ": not a valid SavedModel (no signature \"decode\")");

        SignatureDef encode = graph.getSignatureDefOrThrow("encode");
        SignatureDef narrow = encode.toBuilder()
                .putOutputs(
                        "code",
                        encode.getOutputsOrThrow("code").toBuilder()
                                .setTensorShape(TensorShapeProto.newBuilder()
                                        .addDim(TensorShapeProto.Dim.newBuilder()
                                                .setSize(-1))
                                        .addDim(TensorShapeProto.Dim.newBuilder()
                                                .setSize(5)))
                                .build())
                .build();
        Files.write(
                pb,
                original.toBuilder()
                        .setMetaGraphs(0, graph.toBuilder().putSignatureDef("encode", narrow))
                        .build()
                        .toByteArray());
        assertThatThrownBy(() -> Autoencoder.load(copy))
                .hasMessage(pb + ": not a valid SavedModel (signature \"encode\" output \"code\" has shape [-1, 5], "
                        + "expected [-1, 3])");
    }
}
