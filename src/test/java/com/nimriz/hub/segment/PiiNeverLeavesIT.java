package com.nimriz.hub.segment;

import static com.nimriz.hub.segment.SegmentDeliveryIT.writeKey;
import static com.nimriz.hub.support.KafkaTestClient.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimriz.hub.HubIntegrationTest;
import com.nimriz.hub.support.HubFixtures;
import com.nimriz.hub.support.SegmentStandIn.BatchRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A randomized corpus of events carrying PII goes through the whole hub; no PII value appears in
 * any byte of any request to Segment (body or header), nor in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class PiiNeverLeavesIT extends HubIntegrationTest {

    private static final long SEED = 20261203L;

    private static final int EVENTS = 120;

    @Test
    void sendsNoPiiToSegmentAndLogsNone(CapturedOutput output) {
        Random random = new Random(SEED);
        String normal = newWorkspaceId();
        String strict = newWorkspaceId();
        String normalKey = writeKey();
        String strictKey = writeKey();
        HubFixtures setup = new HubFixtures(api());
        setup.workspace(normal, "professional", false);
        setup.workspace(strict, "enterprise", true);
        String action =
                "{\"name\":\"All\",\"trigger\":{\"event_types\":[\"link_clicked\",\"qr_scanned\","
                        + "\"conversion\"],\"include_bots\":true},"
                        + "\"mapping\":{\"rename\":{\"destination_url\":\"target\"},"
                        + "\"static\":{\"source\":\"nimriz\"}}}";
        setup.enabledAction(normal, setup.destination(normal, "us", normalKey), action);
        setup.enabledAction(strict, setup.destination(strict, "eu", strictKey), action);
        List<String> pii = new ArrayList<>();
        List<String> ipHashes = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        String topic = properties.topics().events();
        for (int i = 0; i < EVENTS; i++) {
            String ws = i % 2 == 0 ? normal : strict;
            Map<String, String> values = piiValues(random, i);
            pii.addAll(values.values());
            String ipHash = null;
            if (ws.equals(strict) && i % 4 == 1) {
                ipHash = String.format("%032x", random.nextLong() & Long.MAX_VALUE);
                ipHashes.add(ipHash);
            }
            records.add(record(topic, ws, event(ws, i, values, ipHash)));
        }

        kafka().produce(topic, records);

        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                SEGMENT.accepted(normalKey).size()
                                        + SEGMENT.accepted(strictKey).size(),
                        n -> n >= EVENTS);
        List<String> sent = new ArrayList<>();
        for (BatchRequest request : SEGMENT.allBatches()) {
            if (request.writeKey().equals(normalKey) || request.writeKey().equals(strictKey)) {
                sent.add(request.rawBody());
                sent.add(request.headers().toString());
            }
        }
        String everything = String.join("\n", sent);
        assertThat(pii).allSatisfy(value -> assertThat(everything).doesNotContain(value));
        assertThat(ipHashes).allSatisfy(hash -> assertThat(everything).doesNotContain(hash));
        assertThat(output.getAll()).doesNotContain(pii.toArray(String[]::new));
        assertThat(SEGMENT.violations()).isEmpty();
    }

    private static Map<String, String> piiValues(Random random, int i) {
        String ip =
                i % 3 == 0
                        ? "2001:db8:"
                                + Integer.toHexString(random.nextInt(0xffff))
                                + "::"
                                + Integer.toHexString(1 + random.nextInt(0xfffe))
                        : "198.51." + random.nextInt(256) + "." + (1 + random.nextInt(254));
        String token = Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        return Map.of(
                "ip", ip,
                "user_agent", "Mozilla/5.0 (PiiAgent " + token + ")",
                "referrer_url", "https://mail.example.org/read?thread=" + token,
                "customer_email", "person." + token + "@example.org",
                "customer_id", "cust-" + token);
    }

    private static String event(String ws, int i, Map<String, String> pii, String ipHash) {
        String[] types = {"link_clicked", "qr_scanned", "conversion"};
        String type = types[i % 3];
        StringBuilder json = new StringBuilder("{");
        json.append("\"event_id\":\"pii-").append(i).append("\",");
        json.append("\"event_type\":\"").append(type).append("\",");
        json.append("\"occurred_at\":\"2026-12-03T10:00:00Z\",");
        json.append("\"workspace_id\":\"").append(ws).append("\",");
        if (type.equals("conversion")) {
            json.append("\"conversion_name\":\"Signup\",\"revenue\":9.5,\"currency\":\"EUR\",");
        }
        json.append("\"destination_url\":\"https://shop.example.com/p?email=")
                .append(pii.get("customer_email"))
                .append("#")
                .append(pii.get("customer_id"))
                .append("\",");
        if (ipHash != null) {
            json.append("\"ip_hash\":\"").append(ipHash).append("\",");
        }
        pii.forEach(
                (field, value) ->
                        json.append("\"")
                                .append(field)
                                .append("\":\"")
                                .append(value)
                                .append("\","));
        json.append("\"is_bot\":").append(i % 5 == 0);
        return json.append("}").toString();
    }
}
