package com.nimriz.hub.monitoring;

import static com.nimriz.hub.support.KafkaTestClient.record;

import com.nimriz.hub.support.ApiClient;
import com.nimriz.hub.support.HubFixtures;
import com.nimriz.hub.support.KafkaTestClient;
import java.util.List;
import java.util.UUID;

/** Test data of the monitoring ITs: a workspace with one Segment destination, and its events. */
record MonitoringEvents(String ws, String writeKey, String destination) {

    static MonitoringEvents destination(ApiClient api, String ws) {
        String key = "wk" + UUID.randomUUID().toString().replace("-", "");
        HubFixtures fixtures = new HubFixtures(api);
        fixtures.workspace(ws, "professional", false);
        String destination = fixtures.destination(ws, "us", key);
        fixtures.enabledAction(ws, destination, HubFixtures.actionOn("link_clicked"));
        return new MonitoringEvents(ws, key, destination);
    }

    void produce(KafkaTestClient kafka, String topic, String... events) {
        kafka.produce(topic, List.of(events).stream().map(e -> record(topic, ws, e)).toList());
    }

    String linkClicked(String eventId) {
        return event(eventId, "link_clicked");
    }

    /** An event the action's trigger does not select. */
    String qrScanned(String eventId) {
        return event(eventId, "qr_scanned");
    }

    /** An event without its required occurred_at. */
    String invalid(String eventId) {
        return "{\"event_id\":\""
                + eventId
                + "\",\"event_type\":\"link_clicked\",\"workspace_id\":\""
                + ws
                + "\"}";
    }

    private String event(String eventId, String type) {
        return "{\"event_id\":\""
                + eventId
                + "\",\"event_type\":\""
                + type
                + "\",\"occurred_at\":\"2026-12-03T10:00:00Z\",\"workspace_id\":\""
                + ws
                + "\",\"ip\":\"192.0.2.1\",\"country\":\"US\",\"short_url\":\"https://nmz.io/a\"}";
    }
}
