package com.nimriz.hub.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimriz.hub.HubIntegrationTest;
import com.nimriz.hub.support.SegmentStandIn.Reply;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Prometheus scrape names every metric SPEC section 7 lists, per destination. */
class PrometheusMetricsIT extends HubIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @Test
    void namesConsumedSentSkippedRetriedParkedDeadLatencyAndCircuitState() {
        MonitoringEvents ok = MonitoringEvents.destination(api(), newWorkspaceId());
        MonitoringEvents flaky = MonitoringEvents.destination(api(), newWorkspaceId());
        MonitoringEvents refused = MonitoringEvents.destination(api(), newWorkspaceId());
        // Three 503s use up the in-place retries and park the batch; the drain then delivers it.
        SEGMENT.script(flaky.writeKey(), Reply.status(503), Reply.status(503), Reply.status(503));
        SEGMENT.script(refused.writeKey(), Reply.status(400));
        String topic = properties.topics().events();

        ok.produce(kafka(), topic, ok.linkClicked("p-ok"), ok.qrScanned("p-skip"));
        ok.produce(kafka(), topic, ok.invalid("p-invalid"));
        flaky.produce(kafka(), topic, flaky.linkClicked("p-flaky"));
        refused.produce(kafka(), topic, refused.linkClicked("p-refused"));

        await().atMost(WAIT)
                .untilAsserted(
                        () -> {
                            String scrape = api().get("/actuator/prometheus").raw();
                            assertThat(scrape)
                                    .satisfies(
                                            s -> hasSample(s, "nimriz_events_valid_total"),
                                            s -> hasSample(s, "nimriz_events_invalid_total"),
                                            s ->
                                                    hasSample(
                                                            s,
                                                            "nimriz_events_skipped_total",
                                                            "reason",
                                                            "event_type_not_selected"),
                                            s ->
                                                    hasDestination(
                                                            s, "nimriz_messages_sent_total", ok),
                                            s ->
                                                    hasDestination(
                                                            s,
                                                            "nimriz_messages_retried_total",
                                                            flaky),
                                            s ->
                                                    hasDestination(
                                                            s,
                                                            "nimriz_messages_parked_total",
                                                            flaky),
                                            s ->
                                                    hasDestination(
                                                            s,
                                                            "nimriz_messages_dead_total",
                                                            refused),
                                            s ->
                                                    hasDestination(
                                                            s,
                                                            "nimriz_batch_latency_seconds_count",
                                                            ok),
                                            s -> hasDestination(s, "nimriz_circuit_state", ok));
                        });
    }

    private static void hasDestination(String scrape, String metric, MonitoringEvents events) {
        hasSample(scrape, metric, "destination", events.destination());
    }

    private static void hasSample(String scrape, String metric) {
        assertThat(scrape).containsPattern("(?m)^" + metric + "[{ ]");
    }

    private static void hasSample(String scrape, String metric, String label, String value) {
        assertThat(scrape)
                .containsPattern(
                        "(?m)^"
                                + metric
                                + "\\{[^}]*"
                                + label
                                + "=\""
                                + Pattern.quote(value)
                                + "\"");
    }
}
