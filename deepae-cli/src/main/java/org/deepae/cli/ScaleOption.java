package org.deepae.cli;

import org.deepae.viz.ImageGrid;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --scale} option of the commands that draw a figure of rows: screen pixels per image pixel. */
final class ScaleOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private int scale = 4;

    @Option(
            names = "--scale",
            paramLabel = "N",
            defaultValue = "4",
            description = "Screen pixels per image pixel in a figure (default: ${DEFAULT-VALUE}, at most "
                    + ImageGrid.MAX_SCALE + "; a figure has at most " + ImageGrid.MAX_PIXELS + " pixels).")
    void set(int value) {
        if (value <= 0 || value > ImageGrid.MAX_SCALE) {
            throw new ParameterException(
                    mixee.commandLine(), "--scale must be between 1 and " + ImageGrid.MAX_SCALE + ", got " + value);
        }
        scale = value;
    }

    /** The scale given, checked. */
    int get() {
        return scale;
    }
}
