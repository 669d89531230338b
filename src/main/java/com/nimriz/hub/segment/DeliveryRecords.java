package com.nimriz.hub.segment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** Parked deliveries and dead letters as Kafka record values (JSON, snake_case). */
@Component("deliveryRecords")
public class DeliveryRecords {

    private final ObjectMapper json;

    public DeliveryRecords(ObjectMapper json) {
        this.json = json;
    }

    public byte[] json(Object value) throws IOException {
        return json.writeValueAsBytes(value);
    }

    /** The deliveries of one poll of the retry topic. */
    public List<Delivery> deliveries(List<Exchange> records) throws IOException {
        List<Delivery> deliveries = new ArrayList<>(records.size());
        for (Exchange record : records) {
            deliveries.add(
                    json.readValue(record.getMessage().getBody(byte[].class), Delivery.class));
        }
        return deliveries;
    }
}
