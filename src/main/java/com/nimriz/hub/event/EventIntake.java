package com.nimriz.hub.event;

import com.nimriz.hub.event.EventVerdict.Invalid;
import com.nimriz.hub.event.EventVerdict.Valid;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Sorts one poll of event records into canonical events and invalid records. */
@Component("eventIntake")
public class EventIntake {

    private static final Logger LOG = LoggerFactory.getLogger(EventIntake.class);

    private final EventValidator validator;

    public EventIntake(EventValidator validator) {
        this.validator = validator;
    }

    /** Validates every record of a batch, keeping their order. */
    public IntakeBatch sort(List<Exchange> records) {
        List<CanonicalEvent> valid = new ArrayList<>(records.size());
        List<InvalidRecord> invalid = new ArrayList<>();
        for (Exchange record : records) {
            Message message = record.getMessage();
            byte[] value = message.getBody(byte[].class);
            EventVerdict verdict = validator.validate(value);
            if (verdict instanceof Valid v) {
                valid.add(v.event());
            } else if (verdict instanceof Invalid i) {
                String source = source(message);
                LOG.debug("Record {} is invalid: {}", source, i.reason().code());
                invalid.add(
                        new InvalidRecord(
                                message.getHeader(KafkaConstants.KEY, String.class),
                                value,
                                i.reason().code(),
                                i.detail(),
                                source));
            }
        }
        return new IntakeBatch(valid, invalid);
    }

    private static String source(Message message) {
        return message.getHeader(KafkaConstants.TOPIC, String.class)
                + "-"
                + message.getHeader(KafkaConstants.PARTITION, Integer.class)
                + "@"
                + message.getHeader(KafkaConstants.OFFSET, Long.class);
    }

    /** One poll's events, sorted. */
    public record IntakeBatch(List<CanonicalEvent> valid, List<InvalidRecord> invalid) {}

    /** A record that is not a canonical event, with the reason code and a sentence. */
    public record InvalidRecord(
            String key, byte[] value, String reason, String detail, String source) {}
}
