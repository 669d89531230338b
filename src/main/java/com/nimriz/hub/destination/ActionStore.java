package com.nimriz.hub.destination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Actions in the configuration store; trigger, event names and mapping kept as JSON. */
@Repository
public class ActionStore {

    private static final String COLUMNS =
            "id, destination_id, name, trigger_json, event_names, mapping_json, enabled,"
                    + " created_at, updated_at";

    private static final TypeReference<Map<String, String>> EVENT_NAMES = new TypeReference<>() {};

    private final JdbcClient jdbc;

    private final ObjectMapper json;

    public ActionStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Action> find(String destinationId, String id) {
        return jdbc.sql("select " + COLUMNS + " from action where destination_id = ? and id = ?")
                .params(destinationId, id)
                .query(this::row)
                .optional();
    }

    public List<Action> list(String destinationId) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from action where destination_id = ?"
                                + " order by created_at, id")
                .param(destinationId)
                .query(this::row)
                .list();
    }

    public void insert(Action a) {
        jdbc.sql("insert into action (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        a.id(),
                        a.destinationId(),
                        a.name(),
                        write(a.trigger()),
                        write(a.eventNames()),
                        write(a.mapping()),
                        a.enabled(),
                        Timestamp.from(a.createdAt()),
                        Timestamp.from(a.updatedAt()))
                .update();
    }

    public void update(Action a) {
        jdbc.sql(
                        "update action set name = ?, trigger_json = ?, event_names = ?,"
                                + " mapping_json = ?, enabled = ?, updated_at = ?"
                                + " where destination_id = ? and id = ?")
                .params(
                        a.name(),
                        write(a.trigger()),
                        write(a.eventNames()),
                        write(a.mapping()),
                        a.enabled(),
                        Timestamp.from(a.updatedAt()),
                        a.destinationId(),
                        a.id())
                .update();
    }

    public boolean delete(String destinationId, String id) {
        return jdbc.sql("delete from action where destination_id = ? and id = ?")
                        .params(destinationId, id)
                        .update()
                > 0;
    }

    private Action row(ResultSet rs, int rowNum) throws SQLException {
        try {
            return new Action(
                    rs.getString("id"),
                    rs.getString("destination_id"),
                    rs.getString("name"),
                    json.readValue(rs.getString("trigger_json"), Trigger.class),
                    json.readValue(rs.getString("event_names"), EVENT_NAMES),
                    json.readValue(rs.getString("mapping_json"), Mapping.class),
                    rs.getBoolean("enabled"),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("updated_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Stored action " + rs.getString("id") + " is not readable JSON", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an action as JSON", e);
        }
    }
}
