package com.nimriz.hub.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimriz.hub.HubIntegrationTest;
import com.nimriz.hub.support.ApiClient.Answer;
import com.nimriz.hub.support.SegmentStandIn.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /actuator/health reports whether Kafka answers and which destinations have open circuits. */
class HealthIT extends HubIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @Test
    void reportsTheKafkaClusterAsReachable() {
        Answer health = api().withToken(null).get("/actuator/health");

        JsonNode kafka = health.body().get("components").get("kafka");
        assertThat(health.status()).isEqualTo(200);
        assertThat(kafka.get("status").asText()).isEqualTo("UP");
        assertThat(kafka.get("details").get("clusterId").asText()).isNotBlank();
        assertThat(kafka.get("details").get("nodes").asInt()).isEqualTo(1);
        assertThat(health.raw()).doesNotContain(kafkaCluster.bootstrapServers());
    }

    @Test
    void listsADestinationWhoseCircuitIsOpenAndStaysUp() {
        MonitoringEvents down = MonitoringEvents.destination(api(), newWorkspaceId());
        List<Reply> outage = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            outage.add(Reply.status(503));
        }
        SEGMENT.script(down.writeKey(), outage.toArray(Reply[]::new));

        down.produce(
                kafka(),
                properties.topics().events(),
                down.linkClicked("h1"),
                down.linkClicked("h2"));

        JsonNode circuits =
                await().atMost(WAIT)
                        .until(
                                () -> circuits(),
                                c ->
                                        c.get("details")
                                                .get("open")
                                                .toString()
                                                .contains(down.destination()));
        assertThat(circuits.get("status").asText()).isEqualTo("UP");
    }

    private JsonNode circuits() {
        return api().withToken(null)
                .get("/actuator/health")
                .body()
                .get("components")
                .get("circuits");
    }
}
