package com.nimriz.hub;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The hub's own settings, everything under {@code hub.*} (SPEC section 7). */
@Validated
@ConfigurationProperties("hub")
public record HubProperties(
        @Valid @NotNull @DefaultValue Kafka kafka,
        @Valid @NotNull @DefaultValue Topics topics,
        @Valid @NotNull @DefaultValue Api api,
        @Valid @NotNull @DefaultValue Crypto crypto,
        @Valid @NotNull @DefaultValue Privacy privacy,
        @Valid @NotNull @DefaultValue Segment segment,
        @Valid @NotNull @DefaultValue Delivery delivery) {

    /** The API token that only a local run may use. */
    public static final String LOCAL_API_TOKEN = "local-dev-token";

    /** The write-key encryption key that only a local run may use (32 bytes of 0x2a). */
    public static final String LOCAL_CRYPTO_KEY = "KioqKioqKioqKioqKioqKioqKioqKioqKioqKioqKio=";

    public HubProperties {
        if (kafka.brokers() != null) {
            refuseLocalDefault("hub.api.token", api.token(), LOCAL_API_TOKEN);
            refuseLocalDefault("hub.crypto.key", crypto.key(), LOCAL_CRYPTO_KEY);
        }
        int keyBytes = decodedLength(crypto.key());
        if (keyBytes != 16 && keyBytes != 24 && keyBytes != 32) {
            throw new IllegalArgumentException(
                    "hub.crypto.key must be a base64 AES key of 16, 24 or 32 bytes");
        }
    }

    /** True when the hub runs its own single-node broker instead of joining a cluster. */
    public boolean embeddedKafka() {
        return kafka.brokers() == null;
    }

    private static void refuseLocalDefault(String key, String value, String localDefault) {
        if (localDefault.equals(value)) {
            throw new IllegalArgumentException(
                    key
                            + " is the built-in local default; set a real value when"
                            + " hub.kafka.brokers points at a Kafka cluster");
        }
    }

    private static int decodedLength(String base64) {
        try {
            return Base64.getDecoder().decode(base64).length;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** Kafka connection and, when no brokers are given, the embedded broker. */
    public record Kafka(
            String brokers,
            @NotBlank @DefaultValue("nimriz-segment-hub") String consumerGroup,
            @Min(1) @DefaultValue("6") int eventsPartitions,
            @Min(1) @Max(5000) @DefaultValue("500") int maxPollRecords,
            @Min(10) @DefaultValue("1000") long pollTimeoutMs,
            @Valid @NotNull @DefaultValue Embedded embedded) {

        public Kafka {
            brokers = brokers == null || brokers.isBlank() ? null : brokers.trim();
        }
    }

    /** The local single-node KRaft broker; port 0 picks free ports. */
    public record Embedded(
            @Min(0) @Max(65535) @DefaultValue("9092") int port,
            @Min(0) @Max(65535) @DefaultValue("9093") int controllerPort,
            @NotNull @DefaultValue("data/kafka") Path dataDir) {}

    /** Topic names of SPEC sections 2, 4.1 and 5. */
    public record Topics(
            @NotBlank @DefaultValue("nimriz.events") String events,
            @NotBlank @DefaultValue("nimriz.events.invalid") String invalid,
            @NotBlank @DefaultValue("nimriz.workspaces") String workspaces,
            @NotBlank @DefaultValue("nimriz.segment.retry") String retry,
            @NotBlank @DefaultValue("nimriz.segment.dead") String dead) {}

    /** The management API. */
    public record Api(@NotBlank @DefaultValue(LOCAL_API_TOKEN) String token) {}

    /** Encryption of write keys at rest. */
    public record Crypto(@NotBlank @DefaultValue(LOCAL_CRYPTO_KEY) String key) {}

    /** Privacy settings of SPEC section 3.1. */
    public record Privacy(@NotNull @DefaultValue("2d") Duration saltRetention) {}

    /** Segment endpoints of SPEC sections 3 and 4.2. */
    public record Segment(
            @NotNull @DefaultValue("https://api.segment.io/v1") URI usEndpoint,
            @NotNull @DefaultValue("https://events.eu1.segmentapis.com/v1") URI euEndpoint,
            @NotNull @DefaultValue("https://cdn.segment.com") URI cdnUrl,
            @NotNull @DefaultValue("3s") Duration cdnTimeout) {}

    /** Delivery to Segment: batching, retries, the circuit breaker and limits of SPEC section 5. */
    public record Delivery(
            @NotNull @DefaultValue("24h") Duration maxAge,
            @Min(1) @Max(1000) @DefaultValue("500") int maxRequestsPerSecond,
            @Min(1) @Max(2500) @DefaultValue("500") int batchMaxMessages,
            @Min(1) @Max(64) @DefaultValue("4") int parallelBatches,
            @Min(0) @Max(10) @DefaultValue("2") int inlineRetries,
            @NotNull @DefaultValue("200ms") Duration inlineBackoff,
            @NotNull @DefaultValue("5s") Duration inlineMaxWait,
            @NotNull @DefaultValue("5s") Duration parkBackoff,
            @NotNull @DefaultValue("10m") Duration parkMaxBackoff,
            @NotNull @DefaultValue("5s") Duration connectTimeout,
            @NotNull @DefaultValue("15s") Duration responseTimeout,
            @NotNull @DefaultValue("7d") Duration logRetention,
            @Valid @NotNull @DefaultValue Breaker breaker) {}

    /** The per-destination circuit breaker. */
    public record Breaker(
            @Min(1) @Max(100) @DefaultValue("50") int failureRatePercent,
            @Min(1) @DefaultValue("10") int slidingWindowCalls,
            @Min(1) @DefaultValue("4") int minimumCalls,
            @NotNull @DefaultValue("30s") Duration openStateWait,
            @Min(1) @DefaultValue("2") int halfOpenCalls) {}
}
