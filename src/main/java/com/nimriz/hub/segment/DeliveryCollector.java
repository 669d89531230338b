package com.nimriz.hub.segment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Gathers what the splits of route-events produce into one flat list of deliveries: a delivery, a
 * list of them, or nothing for a skipped event.
 */
@Component("deliveryCollector")
public class DeliveryCollector implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange collected, Exchange next) {
        Exchange result = collected != null ? collected : next;
        List<Delivery> deliveries = deliveries(collected);
        Object body = next.getMessage().getBody();
        if (body instanceof Delivery delivery) {
            deliveries.add(delivery);
        } else if (body instanceof Collection<?> many) {
            for (Object item : many) {
                if (item instanceof Delivery delivery) {
                    deliveries.add(delivery);
                }
            }
        }
        result.getMessage().setBody(deliveries);
        if (collected != null && next.getException() != null) {
            result.setException(next.getException());
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<Delivery> deliveries(Exchange collected) {
        if (collected != null
                && collected.getMessage().getBody() instanceof List<?> list
                && collected.getProperty(COLLECTED, false, Boolean.class)) {
            return (List<Delivery>) list;
        }
        if (collected != null) {
            collected.setProperty(COLLECTED, true);
        }
        return new ArrayList<>();
    }

    private static final String COLLECTED = "nimrizDeliveriesCollected";
}
