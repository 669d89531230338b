package com.nimriz.hub.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimriz.hub.Refusal;
import com.nimriz.hub.destination.Action;
import com.nimriz.hub.destination.ActionService;
import com.nimriz.hub.destination.Destination;
import com.nimriz.hub.destination.DestinationService;
import com.nimriz.hub.destination.WriteKeyCipher;
import com.nimriz.hub.destination.WriteKeyVerifier;
import com.nimriz.hub.event.CanonicalEvent;
import com.nimriz.hub.event.EventType;
import com.nimriz.hub.event.EventValidator;
import com.nimriz.hub.event.EventVerdict;
import com.nimriz.hub.workspace.Workspace;
import com.nimriz.hub.workspace.WorkspaceStore;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Payload preview and send test of an action (SPEC section 6): both run the delivery path's own
 * code, from trigger matching and mapping to the {@code /batch} request.
 */
@Service
public class ActionTools {

    private static final Logger LOG = LoggerFactory.getLogger(ActionTools.class);

    static final String MASKED_AUTHORIZATION = "Basic ********";

    static final int MAX_ERROR_BODY_CHARS = 300;

    private final ActionService actions;

    private final DestinationService destinations;

    private final WorkspaceStore workspaces;

    private final EventValidator validator;

    private final DeliveryTargets targets;

    private final BatchPlanner planner;

    private final SampleEvents samples;

    private final WriteKeyCipher cipher;

    private final WriteKeyVerifier verifier;

    private final ProducerTemplate producer;

    private final ObjectMapper json;

    private final Clock clock;

    public ActionTools(
            ActionService actions,
            DestinationService destinations,
            WorkspaceStore workspaces,
            EventValidator validator,
            DeliveryTargets targets,
            BatchPlanner planner,
            SampleEvents samples,
            WriteKeyCipher cipher,
            WriteKeyVerifier verifier,
            ProducerTemplate producer,
            ObjectMapper json,
            Clock clock) {
        this.actions = actions;
        this.destinations = destinations;
        this.workspaces = workspaces;
        this.validator = validator;
        this.targets = targets;
        this.planner = planner;
        this.samples = samples;
        this.cipher = cipher;
        this.verifier = verifier;
        this.producer = producer;
        this.json = json;
        this.clock = clock;
    }

    /** What the preview and test calls take: an event, or the type of a built-in sample. */
    public record Sample(JsonNode event, EventType eventType) {}

    /** The request delivery would send, with the write key masked. */
    public record Request(String method, String url, Map<String, String> headers, JsonNode body) {}

    /** The answer of a preview. */
    public record Preview(
            boolean matched, String skipReason, ObjectNode message, Request request) {}

    /** The answer of a send test. */
    public record TestSend(
            boolean delivered,
            Integer status,
            Boolean writeKeyVerified,
            String error,
            ObjectNode message) {}

    public Preview preview(String workspaceId, String destinationId, String actionId, Sample in) {
        Prepared prepared = prepare(workspaceId, destinationId, actionId, in, false);
        SegmentBatch batch = batchOf(prepared.delivery());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", MASKED_AUTHORIZATION);
        headers.put("Content-Type", "application/json");
        JsonNode body = read(batch.body(json, clock.instant()));
        return new Preview(
                prepared.skipReason() == null,
                prepared.skipReason(),
                prepared.delivery().message(),
                new Request("POST", batch.url(), headers, body));
    }

    /** Sends one test message through the action now, enabled or not, and reports. */
    public TestSend test(String workspaceId, String destinationId, String actionId, Sample in) {
        Prepared prepared = prepare(workspaceId, destinationId, actionId, in, true);
        Delivery delivery = prepared.delivery();
        ObjectNode message = delivery.message();
        Destination destination = destinations.get(workspaceId, destinationId);
        String writeKey = cipher.open(destination.id(), destination.sealedWriteKey());
        WriteKeyVerifier.Verdict verdict = verifier.verify(writeKey);
        Boolean verified =
                switch (verdict) {
                    case VERIFIED -> true;
                    case UNKNOWN_KEY -> false;
                    case UNREACHABLE -> null;
                };
        if (verdict == WriteKeyVerifier.Verdict.UNKNOWN_KEY) {
            return new TestSend(
                    false,
                    null,
                    false,
                    "Segment does not know this write key, so nothing was sent. Copy the key"
                            + " again from your Segment source's settings.",
                    message);
        }
        SegmentBatch batch = batchOf(delivery);
        Exchange result = producer.send("direct:post-batch", e -> e.setProperty("batch", batch));
        Throwable failure = result.getException();
        Integer status = result.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (failure == null) {
            LOG.info(
                    "Test message sent through action {} of destination {}: status {}",
                    actionId,
                    destinationId,
                    status);
            return new TestSend(true, status, verified, null, message);
        }
        LOG.info(
                "Test message through action {} of destination {} failed: {}",
                actionId,
                destinationId,
                SegmentResponses.describe(failure));
        if (failure instanceof DeliveryFailure refused) {
            return new TestSend(false, refused.status(), verified, sentence(refused), message);
        }
        return new TestSend(false, null, verified, unreachable(failure, batch), message);
    }

    private record Prepared(Delivery delivery, String skipReason) {}

    private Prepared prepare(
            String workspaceId, String destinationId, String actionId, Sample in, boolean test) {
        Action action = actions.get(workspaceId, destinationId, actionId);
        Destination destination = destinations.get(workspaceId, destinationId);
        Workspace workspace =
                workspaces
                        .find(workspaceId)
                        .orElseThrow(
                                () ->
                                        Refusal.notFound(
                                                "workspace_not_found",
                                                "The hub has no settings for workspace "
                                                        + workspaceId
                                                        + "."));
        CanonicalEvent event = event(workspaceId, action, in, test);
        DeliveryTargets.Target target = new DeliveryTargets.Target(destination, action);
        String skipReason =
                workspace.plan().includesSegment()
                        ? targets.skipReason(event, target)
                        : "plan_below_professional";
        Delivery delivery = targets.previewFor(event, workspace, target);
        if (test) {
            delivery = marked(delivery);
        }
        if (skipReason == null) {
            skipReason = targets.violation(delivery);
        }
        return new Prepared(delivery, skipReason);
    }

    private CanonicalEvent event(String workspaceId, Action action, Sample in, boolean test) {
        JsonNode given = in == null ? null : in.event();
        ObjectNode event;
        if (given != null && !given.isNull()) {
            if (!given.isObject()) {
                throw Refusal.badRequest("event must be a JSON object: a canonical event.");
            }
            event = ((ObjectNode) given).deepCopy();
            JsonNode ws = event.get("workspace_id");
            if (ws != null && !ws.isNull() && !workspaceId.equals(ws.asText())) {
                throw Refusal.unprocessable(
                        "invalid_event",
                        "The event belongs to workspace "
                                + ws.asText()
                                + ", not "
                                + workspaceId
                                + ".");
            }
            event.put("workspace_id", workspaceId);
        } else if (in != null && in.eventType() != null) {
            event = samples.of(in.eventType(), workspaceId);
        } else if (test) {
            event = samples.of(action.trigger().eventTypes().get(0), workspaceId);
        } else {
            throw Refusal.badRequest(
                    "Send {\"event\": {...}} or {\"event_type\": \"link_clicked\"} to preview.");
        }
        EventVerdict verdict = validator.validate(event);
        if (verdict instanceof EventVerdict.Invalid invalid) {
            throw Refusal.unprocessable(
                    "invalid_event",
                    "The event is not a valid canonical event: " + invalid.detail());
        }
        return ((EventVerdict.Valid) verdict).event();
    }

    /** The marks of a test message: test- anonymousId, nmz-test- messageId, nimriz_test. */
    private static Delivery marked(Delivery delivery) {
        ObjectNode message = delivery.message().deepCopy();
        String id = UUID.randomUUID().toString().replace("-", "");
        message.put("anonymousId", "test-" + id);
        message.put("messageId", "nmz-test-" + id);
        JsonNode properties = message.get("properties");
        if (properties instanceof ObjectNode props) {
            props.put("nimriz_test", true);
        } else {
            message.putObject("properties").put("nimriz_test", true);
        }
        return new Delivery(
                delivery.destinationId(),
                delivery.workspaceId(),
                delivery.actionId(),
                delivery.eventId(),
                message,
                0,
                delivery.firstAttemptAt(),
                delivery.notBefore(),
                null,
                null);
    }

    private SegmentBatch batchOf(Delivery delivery) {
        BatchPlanner.Plan plan = planner.plan(List.of(delivery));
        return plan.batches().get(0);
    }

    private JsonNode read(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("A batch body could not be read back", e);
        }
    }

    private static String sentence(DeliveryFailure refused) {
        int status = refused.status();
        if (status == 401 || status == 403) {
            return "Segment refused the write key ("
                    + status
                    + "). Check the key, and that the"
                    + " destination's region is the region of the Segment source.";
        }
        if (status == 404) {
            return "Segment's endpoint answered 404; check the destination's region.";
        }
        if (status == 429) {
            return "Segment is limiting the requests of this write key (429); try again in a"
                    + " moment.";
        }
        if (status >= 500) {
            return "Segment had a problem (" + status + "); try again later.";
        }
        String body = Optional.ofNullable(refused.responseBody()).orElse("");
        if (body.length() > MAX_ERROR_BODY_CHARS) {
            body = body.substring(0, MAX_ERROR_BODY_CHARS) + "...";
        }
        return "Segment rejected the payload ("
                + status
                + ")"
                + (body.isEmpty() ? "." : ": " + body);
    }

    private static String unreachable(Throwable failure, SegmentBatch batch) {
        return "Segment could not be reached at "
                + batch.url()
                + " ("
                + SegmentResponses.describe(failure)
                + ").";
    }
}
