package io.funnelql.report;

import io.funnelql.engine.Processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium from Debian's packages, for checking that reports render. Found at
 * {@code $FUNNELQL_CHROMIUM} or /usr/bin/chromium; when missing and running as root with apt-get
 * (CI: a fresh Debian machine), it installs the {@code chromium} package, printing apt's progress.
 * Otherwise it fails with how to install it: the rendering check is part of {@code mvn verify}.
 */
record Chromium(Path executable) {
    private static final Path DEBIAN = Path.of("/usr/bin/chromium");
    private static final long INSTALL_MINUTES = 15;
    private static Chromium found;

    /** What one headless run printed and wrote. */
    record Run(int exitCode, String stdout, String stderr) {}

    static synchronized Chromium find() {
        if (found == null) {
            found = new Chromium(locate());
        }
        return found;
    }

    private static Path locate() {
        Optional<String> configured = Optional.ofNullable(System.getenv("FUNNELQL_CHROMIUM")).filter(s -> !s.isBlank());
        if (configured.isPresent()) {
            Path path = Path.of(configured.get());
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException("FUNNELQL_CHROMIUM=" + path + " is not an executable file");
            }
            return path;
        }
        if (Files.isExecutable(DEBIAN)) {
            return DEBIAN;
        }
        if (!Processes.isRoot() || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            throw new IllegalStateException("""
                    The report tests render pages in headless Chromium, which is not installed.
                    Install Debian's package: sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium
                    or point FUNNELQL_CHROMIUM at a Chromium or Chrome executable.""");
        }
        install();
        if (!Files.isExecutable(DEBIAN)) {
            throw new IllegalStateException("apt-get installed chromium but " + DEBIAN + " is missing");
        }
        return DEBIAN;
    }

    /** apt-get as root; its output goes to the build log so a slow first CI run shows what it is doing. */
    private static void install() {
        System.err.println("[report tests] Chromium is missing: installing Debian's chromium package with apt-get");
        run(List.of("apt-get", "update"));
        run(List.of("apt-get", "install", "-y", "--no-install-recommends", "chromium"));
    }

    private static void run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            Process process = builder.start();
            if (!process.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took more than " + INSTALL_MINUTES + " minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + process.exitValue()
                        + "; install chromium by hand: apt-get install -y --no-install-recommends chromium");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens a local file headless with {@code extra} flags (--screenshot=..., --dump-dom). The
     * background-networking flags matter: without them Chromium dials out, and on a machine with
     * no network its connections are refused; a fresh profile keeps runs independent.
     */
    Run open(Path page, List<String> extra) {
        try {
            Path profile = Files.createTempDirectory("funnelql-chromium-");
            try {
                List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                        "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
                command.addAll(extra);
                command.add(page.toAbsolutePath().toUri().toString());
                Path stdout = profile.resolve("stdout.txt");
                Path stderr = profile.resolve("stderr.txt");
                Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("Chromium did not finish rendering " + page + " in 2 minutes");
                }
                return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                        Files.readString(stderr, StandardCharsets.UTF_8));
            } finally {
                Processes.deleteRecursively(profile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
