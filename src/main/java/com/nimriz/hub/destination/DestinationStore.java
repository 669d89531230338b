package com.nimriz.hub.destination;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Destinations in the configuration store. */
@Repository
public class DestinationStore {

    private static final String COLUMNS =
            "id, workspace_id, type, name, region, write_key_sealed, write_key_hint,"
                    + " write_key_verified, enabled, created_at, updated_at";

    private final JdbcClient jdbc;

    public DestinationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Destination> find(String workspaceId, String id) {
        return jdbc.sql("select " + COLUMNS + " from destination where workspace_id = ? and id = ?")
                .params(workspaceId, id)
                .query(DestinationStore::row)
                .optional();
    }

    public List<Destination> list(String workspaceId) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from destination where workspace_id = ?"
                                + " order by created_at, id")
                .param(workspaceId)
                .query(DestinationStore::row)
                .list();
    }

    public void insert(Destination d) {
        jdbc.sql(
                        "insert into destination ("
                                + COLUMNS
                                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        d.id(),
                        d.workspaceId(),
                        d.type(),
                        d.name(),
                        d.region().name(),
                        d.sealedWriteKey(),
                        d.writeKeyHint(),
                        d.writeKeyVerified(),
                        d.enabled(),
                        Timestamp.from(d.createdAt()),
                        Timestamp.from(d.updatedAt()))
                .update();
    }

    public void update(Destination d) {
        jdbc.sql(
                        "update destination set name = ?, region = ?, write_key_sealed = ?,"
                                + " write_key_hint = ?, write_key_verified = ?, enabled = ?,"
                                + " updated_at = ? where workspace_id = ? and id = ?")
                .params(
                        d.name(),
                        d.region().name(),
                        d.sealedWriteKey(),
                        d.writeKeyHint(),
                        d.writeKeyVerified(),
                        d.enabled(),
                        Timestamp.from(d.updatedAt()),
                        d.workspaceId(),
                        d.id())
                .update();
    }

    public boolean delete(String workspaceId, String id) {
        return jdbc.sql("delete from destination where workspace_id = ? and id = ?")
                        .params(workspaceId, id)
                        .update()
                > 0;
    }

    private static Destination row(ResultSet rs, int rowNum) throws SQLException {
        return new Destination(
                rs.getString("id"),
                rs.getString("workspace_id"),
                rs.getString("type"),
                rs.getString("name"),
                Region.valueOf(rs.getString("region")),
                rs.getString("write_key_sealed"),
                rs.getString("write_key_hint"),
                rs.getBoolean("write_key_verified"),
                rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
