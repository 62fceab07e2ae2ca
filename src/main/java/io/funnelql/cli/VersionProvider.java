package io.funnelql.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Reads the version Maven wrote into the jar. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/funnelql-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"funnelql " + properties.getProperty("version", "unknown"),
                "Java " + System.getProperty("java.version")};
    }
}
