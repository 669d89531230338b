package com.nimriz.hub.outcome;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimriz.hub.segment.DeadLetter;
import com.nimriz.hub.segment.Delivery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Dead messages kept in the store beside the dead topic, to list and replay them with their
 * original messageId (SPEC sections 5 and 6). A replayed message that fails again is dead-lettered
 * anew, so nothing is lost.
 */
@Component("deadLetters")
public class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    /** At most this many messages are replayed by one call. */
    public static final int MAX_REPLAY = 1000;

    private final JdbcClient jdbc;

    private final ObjectMapper json;

    private final ProducerTemplate producer;

    private final Clock clock;

    public DeadLetters(JdbcClient jdbc, ObjectMapper json, ProducerTemplate producer, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.producer = producer;
        this.clock = clock;
    }

    /** Which dead letters a call is about; null fields do not filter. */
    public record Filter(
            String workspaceId,
            String destinationId,
            String actionId,
            Instant since,
            Instant until) {}

    /** A stored dead letter. */
    public record Stored(long id, DeadLetter letter, Instant replayedAt) {}

    public void store(DeadLetter letter) throws JsonProcessingException {
        jdbc.sql(
                        "insert into dead_letter (workspace_id, destination_id, action_id,"
                                + " event_id, message_id, reason, http_status, response_body,"
                                + " attempts, first_attempt_at, dead_at, message_json)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        letter.workspaceId(),
                        letter.destinationId(),
                        letter.actionId(),
                        letter.eventId(),
                        letter.messageId(),
                        letter.reason(),
                        letter.status(),
                        letter.responseBody(),
                        letter.attempts(),
                        Timestamp.from(letter.firstAttemptAt()),
                        Timestamp.from(letter.deadAt()),
                        json.writeValueAsString(letter.message()))
                .update();
    }

    /** Dead letters matching the filter, newest first. */
    public List<Stored> list(Filter filter, int limit, boolean includeReplayed) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, includeReplayed, params);
        return jdbc.sql(
                        "select * from dead_letter "
                                + where
                                + " order by id desc fetch first "
                                + limit
                                + " rows only")
                .params(params)
                .query(this::row)
                .list();
    }

    /** How many dead letters a replay of the filter would send now. */
    public int countReplayable(Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, false, params);
        int count =
                jdbc.sql("select count(*) from dead_letter " + where)
                        .params(params)
                        .query(Integer.class)
                        .single();
        return Math.min(count, MAX_REPLAY);
    }

    private static String where(Filter filter, boolean includeReplayed, List<Object> params) {
        StringBuilder sql = new StringBuilder("where workspace_id = ?");
        params.add(filter.workspaceId());
        if (filter.destinationId() != null) {
            sql.append(" and destination_id = ?");
            params.add(filter.destinationId());
        }
        if (filter.actionId() != null) {
            sql.append(" and action_id = ?");
            params.add(filter.actionId());
        }
        if (filter.since() != null) {
            sql.append(" and dead_at >= ?");
            params.add(Timestamp.from(filter.since()));
        }
        if (filter.until() != null) {
            sql.append(" and dead_at < ?");
            params.add(Timestamp.from(filter.until()));
        }
        if (!includeReplayed) {
            sql.append(" and replayed_at is null");
        }
        return sql.toString();
    }

    /**
     * Sends the filter's not yet replayed dead letters through delivery again, at most {@link
     * #MAX_REPLAY}; returns how many went.
     */
    public int replay(Filter filter) {
        List<Stored> letters = list(filter, MAX_REPLAY, false);
        if (letters.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<Delivery> deliveries = new ArrayList<>(letters.size());
        for (Stored stored : letters) {
            DeadLetter letter = stored.letter();
            deliveries.add(
                    Delivery.first(
                            letter.destinationId(),
                            letter.workspaceId(),
                            letter.actionId(),
                            letter.eventId(),
                            letter.message(),
                            now));
            jdbc.sql("update dead_letter set replayed_at = ? where id = ?")
                    .params(Timestamp.from(now), stored.id())
                    .update();
        }
        LOG.info(
                "Replaying {} dead messages of workspace {}",
                deliveries.size(),
                filter.workspaceId());
        // Known limitation: the replay runs in the API call's thread and answers once every
        // message has an outcome again.
        producer.requestBody("direct:deliver-messages", deliveries);
        return deliveries.size();
    }

    private Stored row(ResultSet rs, int rowNum) throws SQLException {
        int status = rs.getInt("http_status");
        Integer httpStatus = rs.wasNull() ? null : status;
        Timestamp replayed = rs.getTimestamp("replayed_at");
        ObjectNode message;
        try {
            message = (ObjectNode) json.readTree(rs.getString("message_json"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Stored dead letter " + rs.getLong("id") + " is not readable JSON", e);
        }
        DeadLetter letter =
                new DeadLetter(
                        rs.getString("destination_id"),
                        rs.getString("workspace_id"),
                        rs.getString("action_id"),
                        rs.getString("event_id"),
                        rs.getString("message_id"),
                        rs.getString("reason"),
                        httpStatus,
                        rs.getString("response_body"),
                        rs.getInt("attempts"),
                        rs.getTimestamp("first_attempt_at").toInstant(),
                        rs.getTimestamp("dead_at").toInstant(),
                        message);
        return new Stored(rs.getLong("id"), letter, replayed == null ? null : replayed.toInstant());
    }
}
