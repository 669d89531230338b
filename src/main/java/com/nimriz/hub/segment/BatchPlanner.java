package com.nimriz.hub.segment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimriz.hub.HubProperties;
import com.nimriz.hub.destination.Destination;
import com.nimriz.hub.destination.DestinationStore;
import com.nimriz.hub.destination.Region;
import com.nimriz.hub.destination.WriteKeyCipher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Groups deliveries per destination into {@code /batch} requests within Segment's limits (SPEC
 * section 3): at most {@code hub.delivery.batch-max-messages} messages and 500 KB each.
 */
@Component("batchPlanner")
public class BatchPlanner {

    /** Room for {@code {"batch":[...],"sentAt":"..."}} around the messages. */
    static final int ENVELOPE_BYTES = 64;

    private final DestinationStore destinations;

    private final WriteKeyCipher cipher;

    private final ObjectMapper json;

    private final HubProperties properties;

    private final Clock clock;

    public BatchPlanner(
            DestinationStore destinations,
            WriteKeyCipher cipher,
            ObjectMapper json,
            HubProperties properties,
            Clock clock) {
        this.destinations = destinations;
        this.cipher = cipher;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** The batches to send, and the deliveries whose destination is gone or switched off. */
    public record Plan(List<SegmentBatch> batches, List<DeadLetter> dead) {}

    public Plan plan(List<Delivery> deliveries) {
        Map<String, List<Delivery>> perDestination = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            perDestination
                    .computeIfAbsent(delivery.destinationId(), id -> new ArrayList<>())
                    .add(delivery);
        }
        List<SegmentBatch> batches = new ArrayList<>();
        List<DeadLetter> dead = new ArrayList<>();
        for (List<Delivery> group : perDestination.values()) {
            Delivery first = group.get(0);
            Optional<Destination> destination =
                    destinations.find(first.workspaceId(), first.destinationId());
            if (destination.isEmpty()) {
                group.forEach(
                        d ->
                                dead.add(
                                        DeadLetter.of(
                                                d,
                                                "destination_removed",
                                                null,
                                                null,
                                                clock.instant())));
                continue;
            }
            batches.addAll(chunk(destination.get(), group));
        }
        return new Plan(batches, dead);
    }

    private List<SegmentBatch> chunk(Destination destination, List<Delivery> group) {
        String writeKey = cipher.open(destination.id(), destination.sealedWriteKey());
        String authorization =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        String url = endpoint(destination.region()) + "/batch";
        String writeKeyId = fingerprint(writeKey);
        int maxMessages = properties.delivery().batchMaxMessages();
        List<SegmentBatch> batches = new ArrayList<>();
        List<Delivery> current = new ArrayList<>();
        long currentBytes = ENVELOPE_BYTES;
        for (Delivery delivery : group) {
            long bytes = size(delivery) + 1;
            if (!current.isEmpty()
                    && (current.size() >= maxMessages
                            || currentBytes + bytes > SegmentLimits.MAX_BATCH_BYTES)) {
                batches.add(batch(destination, url, authorization, writeKeyId, current));
                current = new ArrayList<>();
                currentBytes = ENVELOPE_BYTES;
            }
            current.add(delivery);
            currentBytes += bytes;
        }
        batches.add(batch(destination, url, authorization, writeKeyId, current));
        return batches;
    }

    private static SegmentBatch batch(
            Destination destination,
            String url,
            String authorization,
            String writeKeyId,
            List<Delivery> deliveries) {
        return new SegmentBatch(
                UUID.randomUUID().toString(),
                destination.id(),
                destination.workspaceId(),
                url,
                authorization,
                writeKeyId,
                List.copyOf(deliveries));
    }

    private String endpoint(Region region) {
        String base =
                (region == Region.EU
                                ? properties.segment().euEndpoint()
                                : properties.segment().usEndpoint())
                        .toString();
        return base.replaceAll("/+$", "");
    }

    private long size(Delivery delivery) {
        try {
            return json.writeValueAsBytes(delivery.message()).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A Segment message could not be written as JSON", e);
        }
    }

    /** A short, one-way name for a write key, safe for maps and logs. */
    static String fingerprint(String writeKey) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(writeKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
