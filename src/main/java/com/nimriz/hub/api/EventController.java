package com.nimriz.hub.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimriz.hub.Refusal;
import com.nimriz.hub.event.EventValidator;
import com.nimriz.hub.event.EventVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Appends canonical events to the events topic, refusing invalid ones (SPEC section 6). */
@RestController
class EventController {

    private static final Logger LOG = LoggerFactory.getLogger(EventController.class);

    static final int MAX_EVENTS_PER_CALL = 1000;

    private static final long PUBLISH_TIMEOUT_SECONDS = 30;

    private static final String PUBLISH_ROUTE = "direct:publish-event";

    private final EventValidator validator;

    private final ProducerTemplate producer;

    private final ObjectMapper objectMapper;

    EventController(EventValidator validator, ProducerTemplate producer, ObjectMapper mapper) {
        this.validator = validator;
        this.producer = producer;
        this.objectMapper = mapper;
    }

    /** The outcome for one event of the call, in the order they were sent. */
    record Result(String eventId, boolean accepted, String reason, String error) {}

    /** The answer: a result per event. */
    record Results(List<Result> results) {}

    /** The answer when no event was accepted. */
    record Refused(String error, String message, List<Result> results) {}

    @PostMapping("/api/v1/events")
    ResponseEntity<?> append(@RequestBody JsonNode body) {
        List<JsonNode> events = events(body);
        List<Result> results = new ArrayList<>(events.size());
        List<CompletableFuture<Object>> writes = new ArrayList<>(events.size());
        for (JsonNode event : events) {
            EventVerdict verdict = validator.validate(event);
            String eventId =
                    event.path("event_id").isTextual() ? event.get("event_id").asText() : null;
            if (verdict instanceof EventVerdict.Invalid invalid) {
                results.add(new Result(eventId, false, invalid.reason().code(), invalid.detail()));
                writes.add(null);
                continue;
            }
            String workspaceId = ((EventVerdict.Valid) verdict).event().workspaceId();
            results.add(new Result(eventId, true, null, null));
            writes.add(
                    producer.asyncRequestBodyAndHeader(
                            PUBLISH_ROUTE, bytes(event), KafkaConstants.KEY, workspaceId));
        }
        awaitWrites(results, writes);
        long accepted = results.stream().filter(Result::accepted).count();
        if (accepted == 0) {
            return ResponseEntity.badRequest()
                    .body(
                            new Refused(
                                    "no_event_accepted",
                                    "None of the events was accepted; each result says why.",
                                    results));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Results(results));
    }

    private void awaitWrites(List<Result> results, List<CompletableFuture<Object>> writes) {
        for (int i = 0; i < writes.size(); i++) {
            CompletableFuture<Object> write = writes.get(i);
            if (write == null) {
                continue;
            }
            try {
                write.get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                results.set(i, unwritten(results.get(i)));
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn(
                        "Event {} could not be written to the events topic: {}",
                        results.get(i).eventId(),
                        e.getClass().getSimpleName());
                results.set(i, unwritten(results.get(i)));
            }
        }
    }

    private static Result unwritten(Result result) {
        return new Result(
                result.eventId(),
                false,
                "not_written",
                "The event could not be written to Kafka; send it again.");
    }

    private static List<JsonNode> events(JsonNode body) {
        List<JsonNode> events = new ArrayList<>();
        if (body != null && body.isArray()) {
            body.forEach(events::add);
        } else if (body != null && body.isObject()) {
            events.add(body);
        }
        if (events.isEmpty()) {
            throw new Refusal(
                    400, "invalid_body", "Send one canonical event as an object, or an array.");
        }
        if (events.size() > MAX_EVENTS_PER_CALL) {
            throw new Refusal(
                    400,
                    "too_many_events",
                    "Send at most " + MAX_EVENTS_PER_CALL + " events in one call.");
        }
        return events;
    }

    private byte[] bytes(JsonNode event) {
        try {
            return objectMapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed event could not be written back", e);
        }
    }
}
