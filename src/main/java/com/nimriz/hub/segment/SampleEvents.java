package com.nimriz.hub.segment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimriz.hub.event.EventType;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/**
 * The built-in sample event of each type, for previews and test sends (SPEC section 6). Its IP is
 * from the documentation range (RFC 5737), so no real visitor is in it.
 */
@Component
public class SampleEvents {

    static final String SAMPLE_IP = "203.0.113.7";

    private final ObjectMapper json;

    private final Clock clock;

    public SampleEvents(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** A sample of the type for the workspace, happening now. */
    public ObjectNode of(EventType type, String workspaceId) {
        ObjectNode event = json.createObjectNode();
        event.put("event_id", "sample-" + type.wireName());
        event.put("event_type", type.wireName());
        event.put(
                "occurred_at",
                DateTimeFormatter.ISO_INSTANT.format(
                        clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        event.put("workspace_id", workspaceId);
        event.put("link_id", "lnk_sample");
        event.put("short_url", "https://nmz.io/sample");
        event.put("domain_name", "nmz.io");
        event.put("slug", "sample");
        event.put("destination_url", "https://www.example.com/landing");
        event.put("click_id", "clk_sample_" + type.wireName());
        event.put("country", "US");
        event.put("region", "CA");
        event.put("city", "San Francisco");
        event.put("device_category", "mobile");
        event.put("os", "iOS");
        event.put("browser", "Safari");
        event.put("referrer_domain", "news.example.org");
        event.put("utm_source", "newsletter");
        event.put("utm_medium", "email");
        event.put("utm_campaign", "launch");
        event.put("ip", SAMPLE_IP);
        if (type == EventType.QR_SCANNED) {
            event.put("qr_id", "qr_sample");
        }
        if (type == EventType.CONVERSION) {
            event.put("conversion_name", "Signup");
            event.put("revenue", 49.9);
            event.put("currency", "USD");
        }
        return event;
    }
}
