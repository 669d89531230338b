package com.nimriz.hub.workspace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Workspaces in the configuration store. */
@Repository
public class WorkspaceStore {

    private final JdbcClient jdbc;

    public WorkspaceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Workspace> find(String id) {
        return jdbc.sql("select * from workspace where id = ?")
                .param(id)
                .query(WorkspaceStore::row)
                .optional();
    }

    /** Creates or replaces the workspace's settings. */
    @Transactional
    public Workspace save(String id, Plan plan, boolean strictPrivacy) {
        // The store keeps microseconds; the answer shows the same time a later read will.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int updated =
                jdbc.sql(
                                "update workspace set plan = ?, strict_privacy = ?, updated_at = ?"
                                        + " where id = ?")
                        .params(plan.name(), strictPrivacy, Timestamp.from(now), id)
                        .update();
        if (updated == 0) {
            jdbc.sql(
                            "insert into workspace (id, plan, strict_privacy, updated_at)"
                                    + " values (?, ?, ?, ?)")
                    .params(id, plan.name(), strictPrivacy, Timestamp.from(now))
                    .update();
        }
        return new Workspace(id, plan, strictPrivacy, now);
    }

    /** Forgets a workspace; its destinations stay but nothing is sent for it. */
    public boolean delete(String id) {
        return jdbc.sql("delete from workspace where id = ?").param(id).update() > 0;
    }

    private static Workspace row(ResultSet rs, int rowNum) throws SQLException {
        return new Workspace(
                rs.getString("id"),
                Plan.valueOf(rs.getString("plan")),
                rs.getBoolean("strict_privacy"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
