package com.nimriz.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server on loopback playing Segment: the settings CDN and the Tracking API's {@code
 * /batch} endpoint in both regions ({@code /v1} for US, {@code /eu/v1} for EU).
 *
 * <p>The CDN judges a write key by its first word: {@code unknown...} gets 404, {@code broken...}
 * 500, {@code unreachable...} a dropped connection, any other key 200.
 *
 * <p>{@code /batch} checks what Segment checks (method, path, Basic auth, content type, JSON shape
 * and sizes); a request that fails gets 400 and is noted in {@link #violations()}. Requests that
 * pass are answered from the write key's script of {@link Reply}s, else 200.
 */
public final class SegmentStandIn implements AutoCloseable {

    public static final int MAX_MESSAGE_BYTES = 32 * 1024;

    public static final int MAX_BATCH_BYTES = 500 * 1024;

    public static final int MAX_BATCH_MESSAGES = 2500;

    private static final Pattern SETTINGS = Pattern.compile("/v1/projects/([^/]+)/settings");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private final List<String> settingsRequests = new CopyOnWriteArrayList<>();

    private final List<BatchRequest> batches = new CopyOnWriteArrayList<>();

    private final List<String> violations = new CopyOnWriteArrayList<>();

    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();

    private final java.util.Set<String> forgotten = ConcurrentHashMap.newKeySet();

    private SegmentStandIn(HttpServer server) {
        this.server = server;
    }

    /** One scripted answer: a status with headers, after a delay; or a dropped connection. */
    public record Reply(int status, Map<String, String> headers, long delayMillis, boolean reset) {

        public static Reply status(int status) {
            return new Reply(status, Map.of(), 0, false);
        }

        public static Reply retryAfter(int status, int seconds) {
            return new Reply(status, Map.of("Retry-After", String.valueOf(seconds)), 0, false);
        }

        public static Reply slow(long delayMillis) {
            return new Reply(200, Map.of(), delayMillis, false);
        }

        public static Reply connectionReset() {
            return new Reply(0, Map.of(), 0, true);
        }
    }

    /** One /batch request that passed Segment's checks. */
    public record BatchRequest(
            String region,
            String writeKey,
            int answeredStatus,
            long receivedAtMillis,
            Map<String, List<String>> headers,
            String rawBody,
            JsonNode body) {

        public List<JsonNode> messages() {
            List<JsonNode> messages = new ArrayList<>();
            body.get("batch").forEach(messages::add);
            return messages;
        }
    }

    public static SegmentStandIn start() {
        try {
            HttpServer server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
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

    public String usEndpoint() {
        return url() + "/v1";
    }

    public String euEndpoint() {
        return url() + "/eu/v1";
    }

    /** Answers the write key's next requests with these replies, in order, then with 200. */
    public void script(String writeKey, Reply... replies) {
        scripts.computeIfAbsent(writeKey, key -> new ConcurrentLinkedDeque<>())
                .addAll(List.of(replies));
    }

    /** From now on the settings CDN answers 404 for this key, as if its source were deleted. */
    public void forgetKey(String writeKey) {
        forgotten.add(writeKey);
    }

    /** Forgets the replies still scripted for the write key. */
    public void clearScript(String writeKey) {
        scripts.remove(writeKey);
    }

    /** Paths of the settings requests received so far. */
    public List<String> settingsRequests() {
        return List.copyOf(settingsRequests);
    }

    /** Every /batch request of this write key that passed the checks, in arrival order. */
    public List<BatchRequest> batches(String writeKey) {
        return batches.stream().filter(b -> b.writeKey().equals(writeKey)).toList();
    }

    /** Every message Segment accepted (answered 2xx) for this write key. */
    public List<JsonNode> accepted(String writeKey) {
        List<JsonNode> messages = new ArrayList<>();
        for (BatchRequest batch : batches(writeKey)) {
            if (batch.answeredStatus() >= 200 && batch.answeredStatus() < 300) {
                messages.addAll(batch.messages());
            }
        }
        return messages;
    }

    /** Requests that broke one of Segment's rules, as sentences. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** Every request received, raw headers and body included, for scans of what was sent. */
    public List<BatchRequest> allBatches() {
        return List.copyOf(batches);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        Matcher settings = SETTINGS.matcher(path);
        if ("GET".equals(exchange.getRequestMethod()) && settings.matches()) {
            settings(exchange, path, settings.group(1));
        } else if (path.equals("/v1/batch") || path.equals("/eu/v1/batch")) {
            batch(exchange, path.startsWith("/eu") ? "eu" : "us");
        } else {
            respond(exchange, 404, "{\"error\":\"not found\"}", Map.of());
        }
    }

    private void settings(HttpExchange exchange, String path, String key) throws IOException {
        settingsRequests.add(path);
        if (key.startsWith("unreachable")) {
            exchange.close();
        } else if (key.startsWith("unknown") || forgotten.contains(key)) {
            respond(exchange, 404, "{\"error\":\"Not Found\"}", Map.of());
        } else if (key.startsWith("broken")) {
            respond(exchange, 500, "{\"error\":\"Internal Error\"}", Map.of());
        } else {
            respond(exchange, 200, "{\"integrations\":{}}", Map.of());
        }
    }

    private void batch(HttpExchange exchange, String region) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String writeKey = writeKey(exchange);
        String problem = problem(exchange, raw, writeKey);
        if (problem != null) {
            violations.add(problem);
            respond(exchange, 400, "{\"error\":\"" + problem + "\"}", Map.of());
            return;
        }
        Deque<Reply> script = scripts.get(writeKey);
        Reply reply = script == null ? null : script.poll();
        if (reply == null) {
            reply = Reply.status(200);
        }
        String body = new String(raw, StandardCharsets.UTF_8);
        batches.add(
                new BatchRequest(
                        region,
                        writeKey,
                        reply.reset() ? 0 : reply.status(),
                        System.currentTimeMillis(),
                        Map.copyOf(exchange.getRequestHeaders()),
                        body,
                        JSON.readTree(raw)));
        if (reply.delayMillis() > 0) {
            sleep(reply.delayMillis());
        }
        if (reply.reset()) {
            exchange.close();
            return;
        }
        respond(
                exchange,
                reply.status(),
                "{\"success\":" + (reply.status() == 200) + "}",
                reply.headers());
    }

    private static String problem(HttpExchange exchange, byte[] raw, String writeKey) {
        if (!"POST".equals(exchange.getRequestMethod())) {
            return "method must be POST";
        }
        if (writeKey == null) {
            return "Authorization must be Basic base64(writeKey + ':')";
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            return "Content-Type must be application/json";
        }
        if (raw.length > MAX_BATCH_BYTES) {
            return "batch larger than 500 KB";
        }
        JsonNode body;
        try {
            body = JSON.readTree(raw);
        } catch (IOException e) {
            return "body is not JSON";
        }
        JsonNode batch = body.get("batch");
        if (batch == null || !batch.isArray() || batch.isEmpty()) {
            return "batch must be a non-empty array";
        }
        if (batch.size() > MAX_BATCH_MESSAGES) {
            return "more than 2500 messages";
        }
        if (!body.path("sentAt").isTextual()) {
            return "sentAt missing";
        }
        for (JsonNode message : batch) {
            String problem = messageProblem(message);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String messageProblem(JsonNode message) {
        try {
            if (JSON.writeValueAsBytes(message).length > MAX_MESSAGE_BYTES) {
                return "message larger than 32 KB";
            }
        } catch (IOException e) {
            return "message not serializable";
        }
        if (!"track".equals(message.path("type").asText())) {
            return "type must be track";
        }
        if (message.path("event").asText("").isEmpty()) {
            return "event missing";
        }
        if (message.path("anonymousId").asText("").isEmpty()) {
            return "anonymousId missing";
        }
        String messageId = message.path("messageId").asText("");
        if (messageId.isEmpty() || messageId.length() > 100) {
            return "messageId missing or longer than 100";
        }
        if (!message.path("timestamp").isTextual()) {
            return "timestamp missing";
        }
        return null;
    }

    private static String writeKey(HttpExchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Basic ")) {
            return null;
        }
        String decoded;
        try {
            decoded =
                    new String(
                            Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!decoded.endsWith(":") || decoded.length() < 2) {
            return null;
        }
        return decoded.substring(0, decoded.length() - 1);
    }

    private static void respond(
            HttpExchange exchange, int status, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
