package org.deepae.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON configuration of deepae's metadata files ({@code model.json}, {@code metrics.json},
 * {@code config.json}, ...): records are written with their components as snake_case names ({@code finalTestLoss} as
 * {@code final_test_loss}), in declaration order, indented; reading is strict (no key twice, nothing after the value),
 * see {@link JsonFiles}, whose typed accessors ({@link JsonFields}) read the records back with messages that name the
 * file and the field.
 */
public final class MetadataJson {

    /** The mapper every metadata file is written and read with. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private MetadataJson() {}

    /** {@code value} (a record, a map, a tree) as the bytes of a metadata file. */
    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** {@code value} as a JSON tree, as {@link #bytes} writes it. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
