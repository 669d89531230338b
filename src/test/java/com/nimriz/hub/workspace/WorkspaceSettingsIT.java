package com.nimriz.hub.workspace;

import static com.nimriz.hub.support.KafkaTestClient.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimriz.hub.HubIntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Workspace settings arriving on the compacted workspaces topic. */
class WorkspaceSettingsIT extends HubIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired private WorkspaceStore store;

    @Test
    void storesThePlanAndPrivacyModeOfEachWorkspace() {
        String ws = newWorkspaceId();

        publish(ws, settings(ws, "business", true));

        Workspace stored = awaitWorkspace(ws, w -> w.plan() == Plan.BUSINESS);
        assertThat(stored.strictPrivacy()).isTrue();
    }

    @Test
    void appliesTheLatestRecordOfAWorkspace() {
        String ws = newWorkspaceId();

        publish(ws, settings(ws, "professional", false));
        publish(ws, settings(ws, "starter", false));

        assertThat(awaitWorkspace(ws, w -> w.plan() == Plan.STARTER).strictPrivacy()).isFalse();
    }

    @Test
    void forgetsAWorkspaceOnATombstone() {
        String ws = newWorkspaceId();
        publish(ws, settings(ws, "enterprise", false));
        awaitWorkspace(ws, w -> true);

        publish(ws, null);

        await().atMost(WAIT).until(() -> store.find(ws).isEmpty());
    }

    @Test
    void skipsRecordsItCannotReadAndKeepsApplyingTheNextOnes() {
        String broken = newWorkspaceId();
        String wrongPlan = newWorkspaceId();
        String good = newWorkspaceId();

        publish(broken, "{not json");
        publish(wrongPlan, settings(wrongPlan, "platinum", false));
        publish(good, settings(good, "professional", false));

        awaitWorkspace(good, w -> w.plan() == Plan.PROFESSIONAL);
        assertThat(store.find(broken)).isEmpty();
        assertThat(store.find(wrongPlan)).isEmpty();
    }

    @Test
    void ignoresARecordWhoseBodyNamesAnotherWorkspace() {
        String ws = newWorkspaceId();
        String marker = newWorkspaceId();

        publish(ws, settings("ws_someone_else", "business", false));
        publish(marker, settings(marker, "business", false));

        awaitWorkspace(marker, w -> true);
        assertThat(store.find(ws)).isEmpty();
    }

    private void publish(String key, String value) {
        String topic = properties.topics().workspaces();
        kafka().produce(topic, List.of(record(topic, key, value)));
    }

    private Workspace awaitWorkspace(String id, java.util.function.Predicate<Workspace> state) {
        return await().atMost(WAIT)
                .until(() -> store.find(id), found -> found.filter(state).isPresent())
                .orElseThrow();
    }

    private static String settings(String ws, String plan, boolean strict) {
        return "{\"workspace_id\":\""
                + ws
                + "\",\"plan\":\""
                + plan
                + "\",\"strict_privacy\":"
                + strict
                + "}";
    }
}
