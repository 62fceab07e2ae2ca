package io.funnelql.spark;

import io.funnelql.engine.EngineException;
import io.funnelql.engine.Processes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Spark Connect server in a child JVM on this machine: Spark's own server
 * ({@code SparkConnectServer}, {@code local[2]}) on this module's class path, listening on a free
 * loopback port. It is what the tests reach by URL, as a user reaches a cluster's server, since no
 * cluster runs here; rows and SQL cross a real gRPC connection between two processes. One per JVM,
 * started on first use (10-30 s) and stopped at exit.
 */
public final class LocalConnectServer {
    /** Where {@link Processes#freeLoopbackPort} finds a port. */
    private static final String HOST = InetAddress.getLoopbackAddress().getHostAddress();
    private static final long START_TIMEOUT_SECONDS = 240;

    private static String url;

    private LocalConnectServer() {}

    /** The server's URL, {@code sc://127.0.0.1:PORT}, once it accepts connections. */
    public static synchronized String url() {
        if (url == null) {
            url = start();
        }
        return url;
    }

    private static String start() {
        int port;
        Path log;
        Path warehouse;
        try {
            port = Processes.freeLoopbackPort();
            log = Files.createTempFile("funnelql-spark-connect-", ".log");
            log.toFile().deleteOnExit();
            warehouse = Files.createTempDirectory("funnelql-spark-connect-warehouse");
        } catch (IOException e) {
            throw new EngineException("spark: cannot create the Spark Connect server's files: " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions());
        command.addAll(List.of("-Xmx1g",
                "-Dspark.master=local[2]",
                "-Dspark.ui.enabled=false",
                "-Dspark.driver.host=" + HOST,
                "-Dspark.driver.bindAddress=" + HOST,
                "-Dspark.connect.grpc.binding.address=" + HOST,
                "-Dspark.connect.grpc.binding.port=" + port,
                "-Dspark.sql.warehouse.dir=" + warehouse.toUri(),
                "-cp", System.getProperty("java.class.path"),
                "org.apache.spark.sql.connect.service.SparkConnectServer"));
        Process server;
        try {
            server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new EngineException("spark: cannot start a Spark Connect server: " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(server);
            try {
                Processes.deleteRecursively(warehouse);
            } catch (IOException e) {
                // left for the system's cleaning of temporary files
            }
        }, "funnelql-spark-connect-stop"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (!ConnectUrl.accepts(HOST, port)) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                stop(server);
                throw new EngineException("spark: the Spark Connect server did not start on port " + port + "; its log "
                        + log + " ends:" + Processes.tail(log));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop(server);
                throw new EngineException("spark: interrupted while the Spark Connect server started", e);
            }
        }
        return "sc://" + HOST + ":" + port;
    }

    /** The JDK options Spark needs on Java 17, as the launcher passes them (the build writes them next to the classes). */
    private static List<String> jvmOptions() {
        try (InputStream options = LocalConnectServer.class.getResourceAsStream("/funnelql-spark-jvm.options")) {
            if (options == null) {
                throw new EngineException("spark: funnelql-spark-jvm.options is not on the class path");
            }
            return Arrays.stream(new String(options.readAllBytes(), StandardCharsets.UTF_8).strip().split("\\s+"))
                    .filter(option -> !option.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stop(Process server) {
        server.destroy();
        try {
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

}
