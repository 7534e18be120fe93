package org.deepae.tf;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deepae.io.SmallFiles;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Checks a SavedModel's {@code saved_model.pb} without loading it into TensorFlow: that it parses, has a MetaGraph
 * tagged {@code serve}, and has the signatures deepae exports ({@code encode}: {@code x} to {@code code},
 * {@code decode}: {@code code} to {@code x_hat}, {@code reconstruct}: {@code x} to {@code x_hat}), float32 and
 * {@code [-1, width]} with the widths of the model's spec. deepae rebuilds the network from its spec, so without this
 * a SavedModel that TensorFlow (or TensorFlow Serving) could not load would still encode.
 */
public final class SavedModelCheck {

    /**
     * The largest {@code saved_model.pb} read: 64 MiB. deepae's exports keep the weights under {@code variables/}, so
     * their graph is a few tens of kilobytes whatever the network's size; 64 MiB leaves room for graphs with large
     * constants and stays far below protobuf's 2 GiB message limit and the memory parsing needs.
     */
    public static final int MAX_BYTES = 64 << 20;

    private static final String SERVE = SavedModelBundle.DEFAULT_TAG;

    private SavedModelCheck() {}

    /**
     * Checks {@code pb} against a network that takes {@code inputSize} values and has a code of {@code codeSize}.
     *
     * @throws IOException {@code <pb>: not a valid SavedModel (<why>)}, or the file's own read error
     */
    public static void check(Path pb, int inputSize, int codeSize) throws IOException {
        byte[] bytes;
        try {
            bytes = SmallFiles.read(pb, MAX_BYTES);
        } catch (NoSuchFileException e) {
            throw invalid(pb, "missing", e);
        }
        if (bytes.length == 0) {
            throw invalid(pb, "empty file", null);
        }
        SavedModel model;
        try {
            model = SavedModel.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw invalid(pb, "cannot parse it: " + TfAutoencoder.firstLine(e.getMessage()), e);
        }
        MetaGraphDef graph = model.getMetaGraphsList().stream()
                .filter(g -> g.getMetaInfoDef().getTagsList().contains(SERVE))
                .findFirst()
                .orElseThrow(() -> invalid(pb, "no MetaGraph tagged \"" + SERVE + "\"", null));
        Map<String, SignatureDef> signatures = graph.getSignatureDefMap();
        signature(pb, signatures, SavedModelExport.ENCODE, "x", inputSize, "code", codeSize);
        signature(pb, signatures, SavedModelExport.DECODE, "code", codeSize, "x_hat", inputSize);
        signature(pb, signatures, SavedModelExport.RECONSTRUCT, "x", inputSize, "x_hat", inputSize);
    }

    private static void signature(
            Path pb,
            Map<String, SignatureDef> signatures,
            String key,
            String input,
            int inputWidth,
            String output,
            int outputWidth)
            throws IOException {
        SignatureDef signature = signatures.get(key);
        if (signature == null) {
            throw invalid(pb, "no signature \"" + key + "\"", null);
        }
        tensor(pb, key, "input", input, signature.getInputsMap().get(input), inputWidth);
        tensor(pb, key, "output", output, signature.getOutputsMap().get(output), outputWidth);
    }

    private static void tensor(Path pb, String key, String role, String name, TensorInfo info, int width)
            throws IOException {
        String what = "signature \"" + key + "\" " + role + " \"" + name + "\"";
        if (info == null) {
            throw invalid(pb, "no " + what, null);
        }
        if (info.getDtype() != DataType.DT_FLOAT) {
            throw invalid(pb, what + " is " + info.getDtype() + ", expected DT_FLOAT", null);
        }
        List<Long> dims = info.getTensorShape().getDimList().stream()
                .map(TensorShapeProto.Dim::getSize)
                .toList();
        if (info.getTensorShape().getUnknownRank() || !dims.equals(List.of(-1L, (long) width))) {
            throw invalid(
                    pb,
                    what + " has shape " + (info.getTensorShape().getUnknownRank() ? "of unknown rank" : dims)
                            + ", expected [-1, " + width + "]",
                    null);
        }
    }

    private static IOException invalid(Path pb, String why, Exception cause) {
        return new IOException(pb + ": not a valid SavedModel (" + why + ")", cause);
    }
}
