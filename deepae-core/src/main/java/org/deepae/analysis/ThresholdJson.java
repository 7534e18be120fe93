package org.deepae.analysis;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import org.deepae.io.JsonFields;
import org.deepae.io.MetadataJson;
import org.deepae.store.ModelFormatException;

/**
 * {@code threshold.json} as a record: {@link MetadataJson} writes it (snake_case names, in this order), {@link #read}
 * reads it back strictly.
 *
 * @param value the threshold, a reconstruction error: finite, 0 or more
 * @param rule how it was chosen, for people
 * @param reference what the errors it was chosen from were
 */
@JsonPropertyOrder({"format", "format_version", "value", "rule", "reference"})
record ThresholdJson(double value, String rule, String reference) {

    static final String FORMAT = "deepae-threshold";
    static final int FORMAT_VERSION = 1;

    /** Always {@value #FORMAT}. */
    @JsonProperty("format")
    String format() {
        return FORMAT;
    }

    /** Always {@value #FORMAT_VERSION}, the only version read. */
    @JsonProperty("format_version")
    int formatVersion() {
        return FORMAT_VERSION;
    }

    /**
     * Reads {@code root} strictly: format version 1 and a numeric value first (the format's name is not checked, as
     * older versions did not), then the value's range; an absent rule or reference is empty.
     */
    static ThresholdJson read(JsonFields root) throws IOException {
        if (!root.isInt("format_version", FORMAT_VERSION) || !root.raw("value").isNumber()) {
            throw new ModelFormatException(root.file() + ": expected format_version 1 and a numeric value, found "
                    + root.raw("format_version") + " and " + root.raw("value"));
        }
        double value = root.requiredDouble("value", 0);
        return new ThresholdJson(value, root.optionalString("rule", ""), root.optionalString("reference", ""));
    }
}
