package com.nimriz.hub.outcome;

import com.nimriz.hub.HubProperties;
import com.nimriz.hub.destination.Destination;
import com.nimriz.hub.event.CanonicalEvent;
import com.nimriz.hub.segment.DeadLetter;
import com.nimriz.hub.segment.Delivery;
import com.nimriz.hub.segment.DeliveryTargets;
import com.nimriz.hub.segment.SegmentBatch;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records what happened to each event in each action (SPEC section 6: deliveries and trace). The
 * pipeline only queues entries; {@link #flush()} writes them in one batch, so the hot path never
 * waits for the database.
 */
@Component("deliveryLog")
public class DeliveryLog {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLog.class);

    static final int MAX_ERROR_CHARS = 500;

    /** What became of an event in an action. */
    public enum Outcome {
        SKIPPED,
        SENT,
        RETRIED,
        PARKED,
        DEAD;

        String code() {
            return name().toLowerCase();
        }
    }

    /** One entry of the log. */
    public record Entry(
            String workspaceId,
            String eventId,
            String destinationId,
            String actionId,
            String messageId,
            Outcome outcome,
            String reason,
            Integer httpStatus,
            int attempts,
            String error,
            Instant loggedAt) {}

    private final JdbcClient jdbc;

    private final JdbcTemplate jdbcTemplate;

    private final Clock clock;

    private final Duration retention;

    // Known limitation: entries wait here up to a second before the store has them; a hub
    // that dies in between loses them (the events themselves are not lost).
    private final ConcurrentLinkedQueue<Entry> pending = new ConcurrentLinkedQueue<>();

    public DeliveryLog(
            JdbcClient jdbc, JdbcTemplate jdbcTemplate, HubProperties properties, Clock clock) {
        this.retention = properties.delivery().logRetention();
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.clock = clock;
    }

    /** The event was not taken, by the workspace (target null) or by one action. */
    public void skipped(CanonicalEvent event, DeliveryTargets.Target target, String reason) {
        Destination destination = target == null ? null : target.destination();
        pending.add(
                new Entry(
                        event.workspaceId(),
                        event.eventId(),
                        destination == null ? null : destination.id(),
                        target == null ? null : target.action().id(),
                        null,
                        Outcome.SKIPPED,
                        reason,
                        null,
                        0,
                        null,
                        clock.instant()));
    }

    public void sent(SegmentBatch batch, Integer status) {
        for (Delivery delivery : batch.deliveries()) {
            pending.add(entry(delivery, Outcome.SENT, null, status, delivery.attempts() + 1, null));
        }
    }

    public void retried(SegmentBatch batch, Integer status, String error) {
        for (Delivery delivery : batch.deliveries()) {
            pending.add(
                    entry(delivery, Outcome.RETRIED, null, status, delivery.attempts() + 1, error));
        }
    }

    public void parked(Delivery delivery) {
        pending.add(
                entry(
                        delivery,
                        Outcome.PARKED,
                        null,
                        delivery.lastStatus(),
                        delivery.attempts(),
                        delivery.lastError()));
    }

    public void dead(DeadLetter letter) {
        pending.add(
                new Entry(
                        letter.workspaceId(),
                        letter.eventId(),
                        letter.destinationId(),
                        letter.actionId(),
                        letter.messageId(),
                        Outcome.DEAD,
                        letter.reason(),
                        letter.status(),
                        letter.attempts(),
                        truncate(letter.responseBody()),
                        clock.instant()));
    }

    /** Writes every queued entry; called on a timer and before every read. */
    public synchronized int flush() {
        List<Entry> batch = new ArrayList<>();
        for (Entry entry = pending.poll(); entry != null; entry = pending.poll()) {
            batch.add(entry);
        }
        if (batch.isEmpty()) {
            return 0;
        }
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (Entry e : batch) {
            rows.add(
                    new Object[] {
                        e.workspaceId(),
                        e.eventId(),
                        e.destinationId(),
                        e.actionId(),
                        e.messageId(),
                        e.outcome().code(),
                        e.reason(),
                        e.httpStatus(),
                        e.attempts(),
                        e.error(),
                        Timestamp.from(e.loggedAt())
                    });
        }
        jdbcTemplate.batchUpdate(
                "insert into delivery_log (workspace_id, event_id, destination_id, action_id,"
                        + " message_id, outcome, reason, http_status, attempts, error, logged_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
        return batch.size();
    }

    /** The latest entries of an action, newest first. */
    public List<Entry> ofAction(String actionId, int limit) {
        flush();
        return jdbc.sql(
                        "select * from delivery_log where action_id = ? order by id desc"
                                + " fetch first "
                                + limit
                                + " rows only")
                .param(actionId)
                .query(DeliveryLog::row)
                .list();
    }

    /** Every entry of one event, oldest first. */
    public List<Entry> ofEvent(String workspaceId, String eventId) {
        flush();
        return jdbc.sql(
                        "select * from delivery_log where workspace_id = ? and event_id = ?"
                                + " order by id")
                .params(workspaceId, eventId)
                .query(DeliveryLog::row)
                .list();
    }

    /** Deletes entries older than {@code hub.delivery.log-retention}; returns how many went. */
    public int deleteExpired() {
        flush();
        int deleted =
                jdbc.sql("delete from delivery_log where logged_at < ?")
                        .param(Timestamp.from(clock.instant().minus(retention)))
                        .update();
        if (deleted > 0) {
            LOG.info("Deleted {} delivery log entries older than {}", deleted, retention);
        }
        return deleted;
    }

    private Entry entry(
            Delivery delivery,
            Outcome outcome,
            String reason,
            Integer status,
            int attempts,
            String error) {
        return new Entry(
                delivery.workspaceId(),
                delivery.eventId(),
                delivery.destinationId(),
                delivery.actionId(),
                delivery.messageId(),
                outcome,
                reason,
                status,
                attempts,
                truncate(error),
                clock.instant());
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_ERROR_CHARS
                ? text
                : text.substring(0, MAX_ERROR_CHARS - 3) + "...";
    }

    private static Entry row(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        int status = rs.getInt("http_status");
        Integer httpStatus = rs.wasNull() ? null : status;
        return new Entry(
                rs.getString("workspace_id"),
                rs.getString("event_id"),
                rs.getString("destination_id"),
                rs.getString("action_id"),
                rs.getString("message_id"),
                Outcome.valueOf(rs.getString("outcome").toUpperCase()),
                rs.getString("reason"),
                httpStatus,
                rs.getInt("attempts"),
                rs.getString("error"),
                rs.getTimestamp("logged_at").toInstant());
    }
}
