package io.funnelql.spark;

import io.funnelql.engine.EngineException;
import io.funnelql.input.EventInput;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A Spark Connect URL, {@code sc://host[:port][/;name=value…]}: checked, reached, and shown
 * without its token. Only a refused or unanswered TCP connection is caught here; a host that
 * accepts it but is no Connect server is left to the client (and its retries).
 */
final class ConnectUrl {
    /** Spark Connect's port when the URL names none. */
    static final int DEFAULT_PORT = 15002;

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private ConnectUrl() {}

    /** The URL for messages and labels, its token (or password) replaced. */
    static String shown(String url) {
        return EventInput.redacted(url);
    }

    /** Fails with a clear message unless something listens at the URL's host and port. */
    static void reachable(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new EngineException("spark: " + shown(url) + " is not a Spark Connect URL (sc://host:port): " + e.getReason());
        }
        if (!"sc".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new EngineException("spark: " + shown(url) + " is not a Spark Connect URL: write sc://host:port");
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        if (port > 65_535) {
            throw new EngineException("spark: " + shown(url) + ": port " + port + " is not a port (1 to 65535)");
        }
        try {
            connect(uri.getHost(), port, CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            throw new EngineException("spark: cannot reach the Spark Connect server at " + uri.getHost() + ":" + port
                    + " (" + shown(url) + "): " + e.getMessage() + "; is it started (sbin/start-connect-server.sh)?");
        }
    }

    /** Whether something accepts a connection at the host and port within a second. */
    static boolean accepts(String host, int port) {
        try {
            connect(host, port, 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void connect(String host, int port, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        }
    }
}
