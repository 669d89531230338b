package com.nimriz.hub.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.springframework.stereotype.Component;

/**
 * Commits the offsets of a batch the route has fully handled, for every partition in it. The
 * batching consumer hands out one commit handle per record, each for its own partition, so the last
 * record of each partition is committed.
 */
@Component("kafkaOffsets")
public class KafkaOffsets {

    /** Commits, synchronously, the highest offset of each partition in the batch. */
    public void commit(List<Exchange> records) {
        Map<String, Message> lastPerPartition = new HashMap<>();
        for (Exchange record : records) {
            Message message = record.getMessage();
            String partition =
                    message.getHeader(KafkaConstants.TOPIC, String.class)
                            + "-"
                            + message.getHeader(KafkaConstants.PARTITION, Integer.class);
            lastPerPartition.merge(partition, message, KafkaOffsets::later);
        }
        for (Message message : lastPerPartition.values()) {
            KafkaManualCommit commit =
                    message.getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
            if (commit == null) {
                throw new IllegalStateException(
                        "The Kafka consumer hands out no commit handle; set allowManualCommit");
            }
            commit.commit();
        }
    }

    private static Message later(Message a, Message b) {
        long offsetA = a.getHeader(KafkaConstants.OFFSET, Long.class);
        long offsetB = b.getHeader(KafkaConstants.OFFSET, Long.class);
        return offsetA >= offsetB ? a : b;
    }
}
