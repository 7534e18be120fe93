package org.deepae.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON mapper of the commands' {@code --json} output, created on first use: loading Jackson took about a tenth of
 * a second, which {@code deepae --help} and option errors should not pay.
 */
final class Json {

    private Json() {}

    static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
