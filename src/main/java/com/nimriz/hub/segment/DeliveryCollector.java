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
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange collected, Exchange next) {
        List<Delivery> deliveries =
                collected == null
                        ? new ArrayList<>()
                        : (List<Delivery>) collected.getMessage().getBody(List.class);
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
        Exchange result = collected != null ? collected : next;
        result.getMessage().setBody(deliveries);
        if (collected != null && next.getException() != null) {
            result.setException(next.getException());
        }
        return result;
    }
}
