package com.nimriz.hub.segment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One {@code POST {endpoint}/batch} request to Segment for one destination (SPEC section 3). It
 * holds the Basic authorization value, so it never prints it.
 */
public record SegmentBatch(
        String batchId,
        String destinationId,
        String workspaceId,
        String url,
        String authorization,
        String writeKeyId,
        List<Delivery> deliveries) {

    /** The request body, with {@code sentAt} set to the moment of this attempt. */
    public byte[] body(ObjectMapper json, Instant sentAt) {
        ObjectNode body = json.createObjectNode();
        ArrayNode batch = body.putArray("batch");
        for (Delivery delivery : deliveries) {
            batch.add(delivery.message());
        }
        body.put(
                "sentAt",
                DateTimeFormatter.ISO_INSTANT.format(sentAt.truncatedTo(ChronoUnit.MILLIS)));
        try {
            return json.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A Segment batch could not be written as JSON", e);
        }
    }

    public int size() {
        return deliveries.size();
    }

    @Override
    public String toString() {
        return "SegmentBatch[" + batchId + " to " + destinationId + ", " + size() + " messages]";
    }
}
