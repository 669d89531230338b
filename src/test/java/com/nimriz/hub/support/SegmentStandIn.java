package com.nimriz.hub.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server on loopback playing Segment's settings CDN. A write key is judged by its first
 * word: {@code unknown...} gets 404, {@code broken...} gets 500, {@code unreachable...} has its
 * connection closed without an answer; any other key gets 200.
 */
public final class SegmentStandIn implements AutoCloseable {

    private static final Pattern SETTINGS = Pattern.compile("/v1/projects/([^/]+)/settings");

    private final HttpServer server;

    private final List<String> settingsRequests = new CopyOnWriteArrayList<>();

    private SegmentStandIn(HttpServer server) {
        this.server = server;
    }

    public static SegmentStandIn start() {
        try {
            HttpServer server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            SegmentStandIn standIn = new SegmentStandIn(server);
            server.createContext("/", standIn::handle);
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL, as {@code hub.segment.cdn-url} takes it. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Paths of the settings requests received so far. */
    public List<String> settingsRequests() {
        return List.copyOf(settingsRequests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        Matcher settings = SETTINGS.matcher(path);
        if (!"GET".equals(exchange.getRequestMethod()) || !settings.matches()) {
            respond(exchange, 404, "{\"error\":\"not found\"}");
            return;
        }
        settingsRequests.add(path);
        String key = settings.group(1);
        if (key.startsWith("unreachable")) {
            exchange.close();
        } else if (key.startsWith("unknown")) {
            respond(exchange, 404, "{\"error\":\"Not Found\"}");
        } else if (key.startsWith("broken")) {
            respond(exchange, 500, "{\"error\":\"Internal Error\"}");
        } else {
            respond(exchange, 200, "{\"integrations\":{}}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
