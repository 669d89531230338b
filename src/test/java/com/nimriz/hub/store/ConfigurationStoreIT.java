package com.nimriz.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.nimriz.hub.destination.Action;
import com.nimriz.hub.destination.ActionStore;
import com.nimriz.hub.destination.Destination;
import com.nimriz.hub.destination.DestinationStore;
import com.nimriz.hub.destination.Mapping;
import com.nimriz.hub.destination.Operator;
import com.nimriz.hub.destination.Region;
import com.nimriz.hub.destination.Trigger;
import com.nimriz.hub.event.EventType;
import com.nimriz.hub.support.TestDatabases;
import com.nimriz.hub.workspace.Plan;
import com.nimriz.hub.workspace.WorkspaceStore;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The versioned migrations and the stores on every supported database (see {@link TestDatabases}).
 */
class ConfigurationStoreIT {

    private static final ObjectMapper JSON =
            new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    @TempDir static Path dir;

    static Stream<Arguments> databases() {
        return TestDatabases.all(dir);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void migratesAnEmptyDatabaseAndKeepsEveryConfigurationRecord(String name, String url) {
        DataSource db = freshDatabase(name, url);
        JdbcClient jdbc = JdbcClient.create(db);
        WorkspaceStore workspaces = new WorkspaceStore(jdbc);
        DestinationStore destinations = new DestinationStore(jdbc);
        ActionStore actions = new ActionStore(jdbc, JSON);
        Destination destination = destination("ws_store");
        Action action = action(destination.id());

        workspaces.save("ws_store", Plan.BUSINESS, true);
        workspaces.save("ws_store", Plan.PROFESSIONAL, false);
        destinations.insert(destination);
        actions.insert(action);

        assertThat(workspaces.find("ws_store").orElseThrow().plan()).isEqualTo(Plan.PROFESSIONAL);
        assertThat(destinations.find("ws_store", destination.id())).contains(destination);
        assertThat(destinations.find("ws_other", destination.id())).isEmpty();
        assertThat(actions.find(destination.id(), action.id())).contains(action);
        destinations.delete("ws_store", destination.id());
        assertThat(actions.list(destination.id())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void keepsOneSaltPerDay(String name, String url) {
        JdbcClient jdbc = JdbcClient.create(freshDatabase(name, url));
        LocalDate day = LocalDate.of(2026, 12, 3);

        jdbc.sql("insert into privacy_salt (salt_day, salt_hex, created_at) values (?, ?, ?)")
                .params(Date.valueOf(day), "ab".repeat(32), Timestamp.from(Instant.now()))
                .update();

        assertThat(
                        jdbc.sql("select salt_hex from privacy_salt where salt_day = ?")
                                .param(Date.valueOf(day))
                                .query(String.class)
                                .single())
                .isEqualTo("ab".repeat(32));
    }

    private static DataSource freshDatabase(String name, String url) {
        return TestDatabases.fresh(name, url);
    }

    private static Destination destination(String workspaceId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new Destination(
                UUID.randomUUID().toString(),
                workspaceId,
                Destination.SEGMENT,
                "Nimriz",
                Region.EU,
                "v1.sealed",
                "abcd",
                true,
                true,
                now,
                now);
    }

    private static Action action(String destinationId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Trigger trigger =
                new Trigger(
                        List.of(EventType.LINK_CLICKED, EventType.CONVERSION),
                        List.of("Signup"),
                        List.of(
                                new Trigger.Condition(
                                        "country",
                                        Operator.IN,
                                        JSON.valueToTree(List.of("US", "CA")),
                                        null),
                                new Trigger.Condition(null, null, null, "$[?(@.revenue > 10)]")),
                        Trigger.Match.ANY,
                        true);
        Mapping mapping =
                new Mapping(
                        Map.of("short_url", "link"),
                        Map.of("source", JsonNodeFactory.instance.textNode("nimriz")),
                        List.of("city"));
        return new Action(
                UUID.randomUUID().toString(),
                destinationId,
                "Send clicks",
                trigger,
                Map.of("link_clicked", "Short Link Clicked"),
                mapping,
                false,
                now,
                now);
    }
}
