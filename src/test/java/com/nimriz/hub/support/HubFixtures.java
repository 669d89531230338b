package com.nimriz.hub.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimriz.hub.support.ApiClient.Answer;

/** Sets a workspace up through the management API, as an admin would. */
public final class HubFixtures {

    private final ApiClient api;

    public HubFixtures(ApiClient api) {
        this.api = api;
    }

    public void workspace(String ws, String plan, boolean strictPrivacy) {
        Answer answer =
                api.put(
                        "/api/v1/workspaces/" + ws,
                        "{\"plan\":\"" + plan + "\",\"strict_privacy\":" + strictPrivacy + "}");
        assertThat(answer.status()).isEqualTo(200);
    }

    /** Creates a destination and returns its id. */
    public String destination(String ws, String region, String writeKey) {
        Answer answer =
                api.post(
                        "/api/v1/workspaces/" + ws + "/destinations",
                        "{\"type\":\"segment\",\"name\":\""
                                + writeKey
                                + "\",\"region\":\""
                                + region
                                + "\",\"write_key\":\""
                                + writeKey
                                + "\"}");
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer.body().get("id").asText();
    }

    /** Creates an action from its JSON, enables it, and returns its id. */
    public String enabledAction(String ws, String destinationId, String actionJson) {
        String base = "/api/v1/workspaces/" + ws + "/destinations/" + destinationId + "/actions";
        Answer created = api.post(base, actionJson);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().get("id").asText();
        Answer enabled = api.patch(base + "/" + id, "{\"enabled\":true}");
        assertThat(enabled.status()).as(enabled.raw()).isEqualTo(200);
        return id;
    }

    /** An action on the given event types with no conditions. */
    public static String actionOn(String... eventTypes) {
        return "{\"name\":\"Send\",\"trigger\":{\"event_types\":[\""
                + String.join("\",\"", eventTypes)
                + "\"]}}";
    }
}
