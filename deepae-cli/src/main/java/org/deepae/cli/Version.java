package org.deepae.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The deepae version, from a resource the build fills in. */
public final class Version implements IVersionProvider {

    /** The version string, for example {@code 0.1.0-SNAPSHOT}, or {@code unknown}. */
    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("/org/deepae/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"deepae " + current(), "Java " + System.getProperty("java.version")};
    }
}
