package com.nimriz.hub.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimriz.hub.HubIntegrationTest;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The hub's Camel routes seen as an operator sees them over JMX, counters moving with events. */
class JmxRoutesIT extends HubIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();

    @Autowired private CamelContext camel;

    @Test
    void registersAnMBeanForEveryRouteOfTheHub() throws JMException {
        Map<String, ObjectName> routes = routeMBeans();

        assertThat(routes)
                .containsKeys(
                        "consume-events",
                        "route-events",
                        "match-event",
                        "match-action",
                        "count-skip",
                        "deliver-messages",
                        "deliver-batch",
                        "send-batch",
                        "post-batch",
                        "park-deliveries",
                        "dead-letter",
                        "drain-retries",
                        "publish-event",
                        "consume-workspace-settings",
                        "purge-salts");
        assertThat(routes.keySet())
                .hasSameElementsAs(camel.getRoutes().stream().map(r -> r.getRouteId()).toList());
    }

    @Test
    void countsTheExchangesOfConsumeEventsAndDeliverBatchAsEventsFlow() throws JMException {
        Map<String, ObjectName> routes = routeMBeans();
        long consumedBefore = completed(routes.get("consume-events"));
        long deliveredBefore = completed(routes.get("deliver-batch"));
        MonitoringEvents events = MonitoringEvents.destination(api(), newWorkspaceId());

        events.produce(kafka(), properties.topics().events(), events.linkClicked("jmx-1"));

        await().atMost(WAIT)
                .untilAsserted(
                        () -> {
                            assertThat(completed(routes.get("consume-events")))
                                    .isGreaterThan(consumedBefore);
                            assertThat(completed(routes.get("deliver-batch")))
                                    .isGreaterThan(deliveredBefore);
                        });
        assertThat(SEGMENT.accepted(events.writeKey())).hasSize(1);
        assertThat(jmx.getAttribute(routes.get("deliver-batch"), "State")).isEqualTo("Started");
    }

    /** The route MBeans of this test's Camel context, by route id. */
    private Map<String, ObjectName> routeMBeans() throws JMException {
        Map<String, ObjectName> routes = new TreeMap<>();
        for (ObjectName name :
                jmx.queryNames(new ObjectName("org.apache.camel:type=routes,*"), null)) {
            // Other ITs' hubs may share this JVM; only this context's MBeans count.
            String context = name.getKeyProperty("context");
            if (context.startsWith("\"")) {
                context = ObjectName.unquote(context);
            }
            if (context.equals(camel.getManagementName())) {
                routes.put((String) jmx.getAttribute(name, "RouteId"), name);
            }
        }
        return routes;
    }

    private long completed(ObjectName route) throws JMException {
        return (Long) jmx.getAttribute(route, "ExchangesCompleted");
    }
}
