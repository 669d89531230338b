package com.nimriz.hub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimriz.hub.HubIntegrationTest;
import com.nimriz.hub.support.ApiClient.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** The management API of SPEC section 6 over real HTTP, against the whole running hub. */
@ExtendWith(OutputCaptureExtension.class)
class ManagementApiIT extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String API = "/api/v1";

    private static final List<String> PII_FIELDS =
            List.of("ip", "user_agent", "referrer_url", "customer_email", "customer_id");

    @Autowired private JdbcTemplate jdbc;

    @Nested
    class Authentication {

        @Test
        void refusesACallWithoutAuthorizationHeader() {
            Answer answer = api().withToken(null).get(API + "/catalog");

            assertError(answer, 401, "unauthorized");
            assertThat(answer.body().get("message").asText()).contains("Authorization");
        }

        @Test
        void refusesACallWithTheWrongToken() {
            Answer answer = api().withToken("not-the-hub-token").get(API + "/catalog");

            assertError(answer, 401, "unauthorized");
        }

        @Test
        void refusesAWriteWithoutTokenAndStoresNothing() {
            String ws = professionalWorkspace();

            Answer answer =
                    api().withToken(null)
                            .post(destinations(ws), segmentDestination("Nimriz", writeKey()));

            assertError(answer, 401, "unauthorized");
            assertThat(storedDestinationCount(ws)).isZero();
        }

        @Test
        void refusesAnUnknownPathWithoutTokenAs401() {
            Answer answer = api().withToken(null).get(API + "/no-such-call");

            assertError(answer, 401, "unauthorized");
        }

        @Test
        void letsACallWithTheRightTokenThrough() {
            Answer answer = api().get(API + "/catalog");

            assertThat(answer.status()).isEqualTo(200);
        }
    }

    @Nested
    class Workspaces {

        @Test
        void setsPlanAndStrictPrivacy() {
            String ws = newWorkspaceId();

            Answer put = api().put(workspace(ws), workspaceSettings("business", true));
            Answer read = api().get(workspace(ws));

            assertThat(put.status()).isEqualTo(200);
            assertThat(put.body().get("id").asText()).isEqualTo(ws);
            assertThat(read.body().get("plan").asText()).isEqualTo("business");
            assertThat(read.body().get("strict_privacy").asBoolean()).isTrue();
        }

        @Test
        void replacesEarlierSettings() {
            String ws = newWorkspaceId();
            api().put(workspace(ws), workspaceSettings("enterprise", true));

            Answer put = api().put(workspace(ws), workspaceSettings("starter", false));
            Answer read = api().get(workspace(ws));

            assertThat(put.status()).isEqualTo(200);
            assertThat(read.body().get("plan").asText()).isEqualTo("starter");
            assertThat(read.body().get("strict_privacy").asBoolean()).isFalse();
        }

        @Test
        void treatsMissingStrictPrivacyAsOff() {
            String ws = newWorkspaceId();

            Answer put = api().put(workspace(ws), "{\"plan\": \"professional\"}");

            assertThat(put.status()).isEqualTo(200);
            assertThat(put.body().get("strict_privacy").asBoolean()).isFalse();
        }

        @Test
        void refusesAPlanThatDoesNotExist() {
            String ws = newWorkspaceId();

            Answer answer = api().put(workspace(ws), workspaceSettings("gold", false));

            assertError(answer, 400, "invalid_body");
            assertThat(answer.body().get("message").asText()).contains("plan");
            assertThat(api().get(workspace(ws)).status()).isEqualTo(404);
        }

        @Test
        void refusesSettingsWithoutPlan() {
            String ws = newWorkspaceId();

            Answer answer = api().put(workspace(ws), "{\"strict_privacy\": true}");

            assertError(answer, 400, "invalid_request");
            assertThat(answer.body().get("message").asText()).contains("plan");
        }

        @Test
        void refusesAnUnknownField() {
            String ws = newWorkspaceId();

            Answer answer =
                    api().put(
                                    workspace(ws),
                                    "{\"plan\": \"professional\", \"strict_privacy\": false,"
                                            + " \"seats\": 5}");

            assertError(answer, 400, "invalid_body");
            assertThat(answer.body().get("message").asText()).contains("'seats'");
        }

        @Test
        void answersNotFoundForAWorkspaceItHasNoSettingsFor() {
            Answer answer = api().get(workspace(newWorkspaceId()));

            assertError(answer, 404, "workspace_not_found");
        }
    }

    @Nested
    class Catalog {

        @Test
        void listsSegmentWithTheProfessionalPlanRequired() {
            Answer answer = api().get(API + "/catalog");

            assertThat(answer.status()).isEqualTo(200);
            JsonNode segment = answer.body().get("destinations").get(0);
            assertThat(answer.body().get("destinations")).hasSize(1);
            assertThat(segment.get("type").asText()).isEqualTo("segment");
            assertThat(segment.get("plan_required").asText()).isEqualTo("professional");
            assertThat(texts(segment.get("regions"))).containsExactly("us", "eu");
            assertThat(texts(segment.get("event_types")))
                    .containsExactly("link_clicked", "qr_scanned", "conversion");
        }
    }

    @Nested
    class CreatingDestinations {

        @Test
        void createsOneOnAProfessionalWorkspaceWithTheKeyMaskedAndVerified() {
            String ws = professionalWorkspace();
            String key = writeKey();

            Answer answer = api().post(destinations(ws), segmentDestination("Nimriz", key));

            assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
            JsonNode body = answer.body();
            assertThat(body.get("id").asText()).isNotBlank();
            assertThat(body.get("type").asText()).isEqualTo("segment");
            assertThat(body.get("name").asText()).isEqualTo("Nimriz");
            assertThat(body.get("region").asText()).isEqualTo("us");
            assertThat(body.get("write_key").asText()).isEqualTo(masked(key));
            assertThat(body.get("write_key_verified").asBoolean()).isTrue();
            assertThat(body.get("enabled").asBoolean()).isTrue();
            assertThat(SEGMENT.settingsRequests()).contains(settingsPath(key));
        }

        @ParameterizedTest
        @ValueSource(strings = {"business", "enterprise"})
        void createsOneOnAPlanAboveProfessional(String plan) {
            String ws = workspaceOnPlan(plan);

            Answer answer = api().post(destinations(ws), segmentDestination("Nimriz", writeKey()));

            assertThat(answer.status()).isEqualTo(201);
        }

        @Test
        void createsOneInTheEuRegion() {
            String ws = professionalWorkspace();
            String body = segmentDestination("Nimriz EU", writeKey()).replace("\"us\"", "\"eu\"");

            Answer answer = api().post(destinations(ws), body);

            assertThat(answer.status()).isEqualTo(201);
            assertThat(answer.body().get("region").asText()).isEqualTo("eu");
        }

        @ParameterizedTest
        @ValueSource(strings = {"free", "starter"})
        void refusesAPlanBelowProfessional(String plan) {
            String ws = workspaceOnPlan(plan);

            Answer answer = api().post(destinations(ws), segmentDestination("Nimriz", writeKey()));

            assertError(answer, 403, "plan_required");
            assertThat(answer.body().get("message").asText()).contains("professional");
            assertThat(storedDestinationCount(ws)).isZero();
        }

        @Test
        void refusesAWorkspaceWhosePlanItDoesNotKnow() {
            String ws = newWorkspaceId();

            Answer answer = api().post(destinations(ws), segmentDestination("Nimriz", writeKey()));

            assertError(answer, 403, "plan_required");
            assertThat(storedDestinationCount(ws)).isZero();
        }

        @Test
        void refusesAWriteKeySegmentDoesNotKnowAndStoresNothing() {
            String ws = professionalWorkspace();
            String key = "unknown" + randomHex();

            Answer answer = api().post(destinations(ws), segmentDestination("Nimriz", key));

            assertError(answer, 422, "invalid_write_key");
            assertThat(SEGMENT.settingsRequests()).contains(settingsPath(key));
            assertThat(storedDestinationCount(ws)).isZero();
            assertThat(api().get(destinations(ws)).body()).isEmpty();
        }

        @Test
        void savesAnUnverifiedKeyWhenTheCdnIsUnreachable() {
            String ws = professionalWorkspace();
            String key = "unreachable" + randomHex();

            Answer answer = api().post(destinations(ws), segmentDestination("Nimriz", key));

            assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
            assertThat(answer.body().get("write_key_verified").asBoolean()).isFalse();
            assertThat(storedDestinationCount(ws)).isOne();
        }

        @Test
        void savesAnUnverifiedKeyWhenTheCdnFails() {
            String ws = professionalWorkspace();
            String key = "broken" + randomHex();

            Answer answer = api().post(destinations(ws), segmentDestination("Nimriz", key));

            assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
            assertThat(answer.body().get("write_key_verified").asBoolean()).isFalse();
            assertThat(storedDestinationCount(ws)).isOne();
        }

        @ParameterizedTest
        @ValueSource(strings = {"short", "has spaces in it", "slash/in/the/key"})
        void refusesAWriteKeyThatCannotBeASegmentKey(String key) {
            String ws = professionalWorkspace();

            Answer answer = api().post(destinations(ws), segmentDestination("Nimriz", key));

            assertError(answer, 422, "invalid_write_key");
            assertThat(storedDestinationCount(ws)).isZero();
        }

        @Test
        void refusesADestinationWithoutWriteKey() {
            String ws = professionalWorkspace();

            Answer answer =
                    api().post(
                                    destinations(ws),
                                    "{\"type\": \"segment\", \"name\": \"N\", \"region\": \"us\"}");

            assertError(answer, 400, "invalid_request");
            assertThat(answer.body().get("message").asText()).contains("write_key");
        }

        @Test
        void refusesATypeOtherThanSegment() {
            String ws = professionalWorkspace();
            String body =
                    segmentDestination("Nimriz", writeKey()).replace("\"segment\"", "\"mixpanel\"");

            Answer answer = api().post(destinations(ws), body);

            assertError(answer, 422, "unknown_type");
        }

        @Test
        void refusesADuplicateNameInOneWorkspace() {
            String ws = professionalWorkspace();
            createdDestination(ws, segmentDestination("Nimriz", writeKey()));

            Answer answer =
                    api().post(destinations(ws), segmentDestination(" Nimriz ", writeKey()));

            assertError(answer, 409, "name_taken");
            assertThat(storedDestinationCount(ws)).isOne();
        }

        @Test
        void allowsTheSameNameInAnotherWorkspace() {
            String first = professionalWorkspace();
            String second = professionalWorkspace();
            createdDestination(first, segmentDestination("Nimriz", writeKey()));

            Answer answer =
                    api().post(destinations(second), segmentDestination("Nimriz", writeKey()));

            assertThat(answer.status()).isEqualTo(201);
        }
    }

    @Nested
    class ManagingDestinations {

        private String ws;

        @BeforeEach
        void professionalWorkspaceExists() {
            ws = professionalWorkspace();
        }

        @Test
        void listsTheWorkspacesOwnDestinationsMasked() {
            String firstKey = writeKey();
            String first = createdDestination(ws, segmentDestination("First", firstKey));
            String second = createdDestination(ws, segmentDestination("Second", writeKey()));
            createdDestination(professionalWorkspace());

            Answer answer = api().get(destinations(ws));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body())
                    .extracting(d -> d.get("id").asText())
                    .containsExactly(first, second);
            assertThat(answer.body().get(0).get("write_key").asText()).isEqualTo(masked(firstKey));
        }

        @Test
        void readsOneDestinationAsItWasCreated() {
            Answer created = api().post(destinations(ws), segmentDestination("Nimriz", writeKey()));

            Answer read = api().get(destination(ws, created.body().get("id").asText()));

            assertThat(read.status()).isEqualTo(200);
            assertThat(read.body()).isEqualTo(created.body());
        }

        @Test
        void renamesADestination() {
            String id = createdDestination(ws);

            Answer patched = api().patch(destination(ws, id), "{\"name\": \"Renamed\"}");

            assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
            assertThat(patched.body().get("name").asText()).isEqualTo("Renamed");
            assertThat(readDestination(ws, id).get("name").asText()).isEqualTo("Renamed");
        }

        @Test
        void readsAPatchedDestinationAsThePatchAnswerShowedIt() {
            String id = createdDestination(ws);

            Answer patched = api().patch(destination(ws, id), "{\"name\": \"Renamed\"}");

            assertThat(readDestination(ws, id)).isEqualTo(patched.body());
        }

        @Test
        void disablesAndEnablesADestination() {
            String id = createdDestination(ws);

            Answer disabled = api().patch(destination(ws, id), "{\"enabled\": false}");
            Answer enabled = api().patch(destination(ws, id), "{\"enabled\": true}");

            assertThat(disabled.body().get("enabled").asBoolean()).isFalse();
            assertThat(enabled.body().get("enabled").asBoolean()).isTrue();
        }

        @Test
        void keepsTheStoredKeyWhenAPatchDoesNotNameOne() {
            String key = writeKey();
            String id = createdDestination(ws, segmentDestination("Nimriz", key));

            Answer patched = api().patch(destination(ws, id), "{\"region\": \"eu\"}");

            assertThat(patched.body().get("region").asText()).isEqualTo("eu");
            assertThat(patched.body().get("write_key").asText()).isEqualTo(masked(key));
            assertThat(patched.body().get("write_key_verified").asBoolean()).isTrue();
        }

        @Test
        void verifiesAndMasksANewWriteKey() {
            String id = createdDestination(ws);
            String newKey = "broken" + randomHex();

            Answer patched = api().patch(destination(ws, id), writeKeyPatch(newKey));

            assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
            assertThat(patched.body().get("write_key").asText()).isEqualTo(masked(newKey));
            assertThat(patched.body().get("write_key_verified").asBoolean()).isFalse();
            assertThat(SEGMENT.settingsRequests()).contains(settingsPath(newKey));
        }

        @Test
        void marksANewKeyVerifiedWhenSegmentKnowsIt() {
            String id =
                    createdDestination(ws, segmentDestination("N", "unreachable" + randomHex()));
            String newKey = writeKey();

            Answer patched = api().patch(destination(ws, id), writeKeyPatch(newKey));

            assertThat(patched.body().get("write_key").asText()).isEqualTo(masked(newKey));
            assertThat(patched.body().get("write_key_verified").asBoolean()).isTrue();
        }

        @Test
        void refusesANewKeySegmentDoesNotKnowAndKeepsTheOldOne() {
            String key = writeKey();
            String id = createdDestination(ws, segmentDestination("Nimriz", key));

            Answer patched =
                    api().patch(destination(ws, id), writeKeyPatch("unknown" + randomHex()));

            assertError(patched, 422, "invalid_write_key");
            JsonNode stored = readDestination(ws, id);
            assertThat(stored.get("write_key").asText()).isEqualTo(masked(key));
            assertThat(stored.get("write_key_verified").asBoolean()).isTrue();
        }

        @Test
        void refusesRenamingToANameTheWorkspaceAlreadyUses() {
            createdDestination(ws, segmentDestination("Taken", writeKey()));
            String id = createdDestination(ws, segmentDestination("Other", writeKey()));

            Answer patched = api().patch(destination(ws, id), "{\"name\": \"Taken\"}");

            assertError(patched, 409, "name_taken");
            assertThat(readDestination(ws, id).get("name").asText()).isEqualTo("Other");
        }

        @Test
        void deletesADestinationSoItIsNotFoundAfterwards() {
            String id = createdDestination(ws);

            Answer deleted = api().delete(destination(ws, id));
            Answer read = api().get(destination(ws, id));
            Answer deletedAgain = api().delete(destination(ws, id));

            assertThat(deleted.status()).isEqualTo(204);
            assertThat(deleted.raw()).isEmpty();
            assertError(read, 404, "destination_not_found");
            assertError(deletedAgain, 404, "destination_not_found");
            assertThat(storedDestinationCount(ws)).isZero();
        }

        @Test
        void deletesTheActionsOfADeletedDestination() {
            String id = createdDestination(ws);
            createdAction(ws, id, linkClickedAction());

            api().delete(destination(ws, id));

            assertThat(storedActionCount(id)).isZero();
        }

        @Test
        void answersNotFoundForAnIdThatNeverExisted() {
            String id = UUID.randomUUID().toString();

            Answer read = api().get(destination(ws, id));
            Answer patched = api().patch(destination(ws, id), "{\"name\": \"X\"}");

            assertError(read, 404, "destination_not_found");
            assertError(patched, 404, "destination_not_found");
        }
    }

    @Nested
    class WriteKeySecrecy {

        @Test
        void storesNoWriteKeyInAnyColumn() {
            String ws = professionalWorkspace();
            String firstKey = writeKey();
            String secondKey = writeKey();
            String id = createdDestination(ws, segmentDestination("Nimriz", firstKey));
            api().patch(destination(ws, id), writeKeyPatch(secondKey));

            List<Map<String, Object>> rows = jdbc.queryForList("select * from destination");

            assertThat(rows).extracting(row -> row.get("id")).contains(id);
            assertThat(rows.stream().flatMap(row -> row.values().stream()).map(String::valueOf))
                    .isNotEmpty()
                    .allSatisfy(
                            value ->
                                    assertThat(value)
                                            .doesNotContain(withoutLastFour(firstKey))
                                            .doesNotContain(withoutLastFour(secondKey)));
        }

        @Test
        void neverShowsTheWriteKeyInAnyAnswer() {
            String ws = professionalWorkspace();
            String key = writeKey();
            String newKey = writeKey();
            List<Answer> answers = new ArrayList<>();

            Answer created = api().post(destinations(ws), segmentDestination("Nimriz", key));
            String id = created.body().get("id").asText();
            answers.add(created);
            answers.add(api().get(destinations(ws)));
            answers.add(api().get(destination(ws, id)));
            answers.add(api().patch(destination(ws, id), "{\"name\": \"Renamed\"}"));
            answers.add(api().post(destinations(ws), segmentDestination("Renamed", key)));
            answers.add(api().patch(destination(ws, id), "{\"write_key\": 12}"));
            answers.add(api().patch(destination(ws, id), writeKeyPatch(newKey)));
            answers.add(api().get(destination(ws, id)));

            assertThat(answers).extracting(Answer::status).contains(200, 201, 400, 409);
            assertThat(answers)
                    .allSatisfy(answer -> assertThat(answer.raw()).doesNotContain(key, newKey));
        }

        @Test
        void neverLogsTheWriteKey(CapturedOutput output) {
            String ws = professionalWorkspace();
            List<String> keys =
                    List.of(
                            writeKey(),
                            writeKey(),
                            "unknown" + randomHex(),
                            "broken" + randomHex(),
                            "unreachable" + randomHex());

            String id = createdDestination(ws, segmentDestination("Nimriz", keys.get(0)));
            api().patch(destination(ws, id), writeKeyPatch(keys.get(1)));
            api().patch(destination(ws, id), writeKeyPatch(keys.get(2)));
            api().post(destinations(ws), segmentDestination("Broken", keys.get(3)));
            api().post(destinations(ws), segmentDestination("Unreachable", keys.get(4)));

            assertThat(output.getAll()).contains(id);
            assertThat(keys).allSatisfy(key -> assertThat(output.getAll()).doesNotContain(key));
        }
    }

    @Nested
    class CrossWorkspace {

        private String ownerWs;

        private String otherWs;

        private String ownerDestination;

        private String otherDestination;

        private String ownerAction;

        @BeforeEach
        void twoWorkspacesWithADestinationEach() {
            ownerWs = professionalWorkspace();
            otherWs = professionalWorkspace();
            ownerDestination = createdDestination(ownerWs);
            otherDestination = createdDestination(otherWs);
            ownerAction = createdAction(ownerWs, ownerDestination, linkClickedAction());
        }

        @Test
        void hidesADestinationFromAnotherWorkspaceOnGet() {
            Answer answer = api().get(destination(otherWs, ownerDestination));

            assertError(answer, 404, "destination_not_found");
        }

        @Test
        void refusesToPatchADestinationOfAnotherWorkspace() {
            Answer answer =
                    api().patch(destination(otherWs, ownerDestination), "{\"enabled\": false}");

            assertError(answer, 404, "destination_not_found");
            assertThat(readDestination(ownerWs, ownerDestination).get("enabled").asBoolean())
                    .isTrue();
        }

        @Test
        void refusesToDeleteADestinationOfAnotherWorkspace() {
            Answer answer = api().delete(destination(otherWs, ownerDestination));

            assertError(answer, 404, "destination_not_found");
            assertThat(api().get(destination(ownerWs, ownerDestination)).status()).isEqualTo(200);
        }

        @Test
        void refusesToAddAnActionToADestinationOfAnotherWorkspace() {
            Answer answer =
                    api().post(actions(otherWs, ownerDestination), linkClickedAction().toString());

            assertError(answer, 404, "destination_not_found");
            assertThat(storedActionCount(ownerDestination)).isOne();
        }

        @Test
        void hidesTheActionsOfAnotherWorkspacesDestination() {
            Answer list = api().get(actions(otherWs, ownerDestination));
            Answer read = api().get(action(otherWs, ownerDestination, ownerAction));

            assertError(list, 404, "destination_not_found");
            assertError(read, 404, "destination_not_found");
        }

        @Test
        void hidesAnActionOfAnotherWorkspaceUnderOwnDestination() {
            Answer read = api().get(action(otherWs, otherDestination, ownerAction));

            assertError(read, 404, "action_not_found");
        }

        @Test
        void refusesToPatchAnActionOfAnotherWorkspace() {
            String enable = "{\"enabled\": true}";

            Answer viaOwnerDestination =
                    api().patch(action(otherWs, ownerDestination, ownerAction), enable);
            Answer viaOwnDestination =
                    api().patch(action(otherWs, otherDestination, ownerAction), enable);

            assertError(viaOwnerDestination, 404, "destination_not_found");
            assertError(viaOwnDestination, 404, "action_not_found");
            JsonNode stored = readAction(ownerWs, ownerDestination, ownerAction);
            assertThat(stored.get("enabled").asBoolean()).isFalse();
        }

        @Test
        void refusesToDeleteAnActionOfAnotherWorkspace() {
            Answer viaOwnerDestination =
                    api().delete(action(otherWs, ownerDestination, ownerAction));
            Answer viaOwnDestination = api().delete(action(otherWs, otherDestination, ownerAction));

            assertError(viaOwnerDestination, 404, "destination_not_found");
            assertError(viaOwnDestination, 404, "action_not_found");
            assertThat(storedActionCount(ownerDestination)).isOne();
        }
    }

    @Nested
    class Actions {

        private String ws;

        private String destinationId;

        @BeforeEach
        void professionalWorkspaceWithADestination() {
            ws = professionalWorkspace();
            destinationId = createdDestination(ws);
        }

        @Test
        void createsAnActionDisabledEvenWhenAskedToEnableIt() {
            ObjectNode body = linkClickedAction().put("enabled", true);

            Answer created = api().post(actions(ws, destinationId), body.toString());

            assertThat(created.status()).as(created.raw()).isEqualTo(201);
            assertThat(created.body().get("id").asText()).isNotBlank();
            assertThat(created.body().get("destination_id").asText()).isEqualTo(destinationId);
            assertThat(created.body().get("enabled").asBoolean()).isFalse();
            String id = created.body().get("id").asText();
            assertThat(readAction(ws, destinationId, id).get("enabled").asBoolean()).isFalse();
        }

        @Test
        void readsAnActionAsTheCreateAnswerShowedIt() {
            Answer created = api().post(actions(ws, destinationId), sendEventAction().toString());

            JsonNode read = readAction(ws, destinationId, created.body().get("id").asText());

            assertThat(read).isEqualTo(created.body());
        }

        @Test
        void enablesAnActionWithAPatch() {
            String id = createdAction(ws, destinationId, sendEventAction());

            Answer patched = api().patch(action(ws, destinationId, id), "{\"enabled\": true}");

            assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
            assertThat(patched.body().get("enabled").asBoolean()).isTrue();
            JsonNode stored = readAction(ws, destinationId, id);
            assertThat(stored.get("enabled").asBoolean()).isTrue();
            assertThat(stored.get("trigger")).isEqualTo(sendEventAction().get("trigger"));
            assertThat(stored.get("mapping")).isEqualTo(sendEventAction().get("mapping"));
        }

        @Test
        void keepsAnEnabledActionEnabledWhenRenamed() {
            String id = createdAction(ws, destinationId, linkClickedAction());
            api().patch(action(ws, destinationId, id), "{\"enabled\": true}");

            Answer patched = api().patch(action(ws, destinationId, id), "{\"name\": \"Renamed\"}");

            assertThat(patched.body().get("name").asText()).isEqualTo("Renamed");
            assertThat(patched.body().get("enabled").asBoolean()).isTrue();
        }

        @Test
        void mergesANestedPatchIntoTheMapping() {
            String id = createdAction(ws, destinationId, sendEventAction());

            Answer patched =
                    api().patch(
                                    action(ws, destinationId, id),
                                    "{\"mapping\": {\"rename\": {\"short_url\": null,"
                                            + " \"slug\": \"path\"}}}");

            assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
            JsonNode mapping = readAction(ws, destinationId, id).get("mapping");
            assertThat(mapping.get("rename")).isEqualTo(object("{\"slug\": \"path\"}"));
            assertThat(mapping.get("static")).isEqualTo(sendEventAction().at("/mapping/static"));
            assertThat(mapping.get("exclude")).isEqualTo(sendEventAction().at("/mapping/exclude"));
        }

        @Test
        void refusesAPatchThatNamesAPiiFieldAndKeepsTheAction() {
            String id = createdAction(ws, destinationId, sendEventAction());

            Answer patched =
                    api().patch(
                                    action(ws, destinationId, id),
                                    "{\"mapping\": {\"exclude\": [\"customer_email\"]}}");

            assertError(patched, 422, "pii_field");
            assertThat(readAction(ws, destinationId, id).get("mapping"))
                    .isEqualTo(sendEventAction().get("mapping"));
        }

        @Test
        void listsTheActionsOfADestinationInCreationOrder() {
            String first = createdAction(ws, destinationId, linkClickedAction());
            String second = createdAction(ws, destinationId, sendEventAction());

            Answer answer = api().get(actions(ws, destinationId));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body())
                    .extracting(a -> a.get("id").asText())
                    .containsExactly(first, second);
        }

        @Test
        void deletesAnActionSoItIsNotFoundAfterwards() {
            String id = createdAction(ws, destinationId, linkClickedAction());

            Answer deleted = api().delete(action(ws, destinationId, id));
            Answer read = api().get(action(ws, destinationId, id));
            Answer deletedAgain = api().delete(action(ws, destinationId, id));

            assertThat(deleted.status()).isEqualTo(204);
            assertError(read, 404, "action_not_found");
            assertError(deletedAgain, 404, "action_not_found");
            assertThat(api().get(actions(ws, destinationId)).body()).isEmpty();
        }

        @Test
        void returnsAnActionExactlyAsItWasSentInSnakeCase() {
            ObjectNode sent = sendEventAction();

            String id = createdAction(ws, destinationId, sent);
            JsonNode read = readAction(ws, destinationId, id);

            assertThat(read.get("name")).isEqualTo(sent.get("name"));
            assertThat(read.get("trigger")).isEqualTo(sent.get("trigger"));
            assertThat(read.get("event_names")).isEqualTo(sent.get("event_names"));
            assertThat(read.get("mapping")).isEqualTo(sent.get("mapping"));
            assertThat(fieldNames(read))
                    .containsExactlyInAnyOrder(
                            "id",
                            "destination_id",
                            "name",
                            "trigger",
                            "event_names",
                            "mapping",
                            "enabled",
                            "created_at",
                            "updated_at");
            assertThat(fieldNames(read.get("trigger")))
                    .containsExactlyInAnyOrder(
                            "event_types",
                            "conversion_names",
                            "conditions",
                            "match",
                            "include_bots");
        }

        @Test
        void fillsTheDefaultsOfAMinimalAction() {
            String id = createdAction(ws, destinationId, linkClickedAction());

            JsonNode read = readAction(ws, destinationId, id);

            assertThat(read.get("trigger"))
                    .isEqualTo(
                            object(
                                    "{\"event_types\": [\"link_clicked\"], \"conversion_names\":"
                                            + " [], \"conditions\": [], \"match\": \"all\","
                                            + " \"include_bots\": false}"));
            assertThat(read.get("event_names")).isEqualTo(object("{}"));
            assertThat(read.get("mapping"))
                    .isEqualTo(object("{\"rename\": {}, \"static\": {}, \"exclude\": []}"));
        }

        @Test
        void refusesAnActionWhenTheWorkspaceFellBelowProfessional() {
            api().put(workspace(ws), workspaceSettings("starter", false));

            Answer answer = api().post(actions(ws, destinationId), linkClickedAction().toString());

            assertError(answer, 403, "plan_required");
            assertThat(storedActionCount(destinationId)).isZero();
        }

        @Test
        void answersNotFoundForAnActionOfADestinationThatDoesNotExist() {
            String missing = UUID.randomUUID().toString();

            Answer answer = api().post(actions(ws, missing), linkClickedAction().toString());

            assertError(answer, 404, "destination_not_found");
        }
    }

    @Nested
    class ActionValidation {

        private String ws;

        private String destinationId;

        @BeforeEach
        void professionalWorkspaceWithADestination() {
            ws = professionalWorkspace();
            destinationId = createdDestination(ws);
        }

        @Test
        void refusesATriggerWithoutEventTypes() {
            ObjectNode body = linkClickedAction();
            body.withObject("/trigger").putArray("event_types");

            Answer answer = api().post(actions(ws, destinationId), body.toString());

            assertError(answer, 422, "invalid_action");
            assertThat(answer.body().get("message").asText()).contains("event_types");
            assertThat(storedActionCount(destinationId)).isZero();
        }

        @ParameterizedTest
        @MethodSource("com.nimriz.hub.api.ManagementApiIT#piiAndIpHash")
        void refusesAConditionOnAPiiField(String field) {
            ObjectNode body = actionWithCondition(condition(field, "exists", null));

            Answer answer = api().post(actions(ws, destinationId), body.toString());

            assertPiiRefusal(answer, field);
        }

        @ParameterizedTest
        @MethodSource("com.nimriz.hub.api.ManagementApiIT#piiAndIpHash")
        void refusesRenamingAPiiField(String field) {
            ObjectNode body = linkClickedAction();
            body.withObject("/mapping").putObject("rename").put(field, "visitor");

            Answer answer = api().post(actions(ws, destinationId), body.toString());

            assertPiiRefusal(answer, field);
        }

        @ParameterizedTest
        @MethodSource("com.nimriz.hub.api.ManagementApiIT#piiAndIpHash")
        void refusesExcludingAPiiField(String field) {
            ObjectNode body = linkClickedAction();
            body.withObject("/mapping").putArray("exclude").add(field);

            Answer answer = api().post(actions(ws, destinationId), body.toString());

            assertPiiRefusal(answer, field);
        }

        @ParameterizedTest
        @MethodSource("com.nimriz.hub.api.ManagementApiIT#piiAndIpHash")
        void refusesAJsonPathNamingAPiiField(String field) {
            ObjectNode body = actionWithCondition(jsonPath("$[?(@." + field + ")]"));

            Answer answer = api().post(actions(ws, destinationId), body.toString());

            assertPiiRefusal(answer, field);
        }

        @Test
        void refusesAConditionOnAFieldTheEventDoesNotHave() {
            ObjectNode body = actionWithCondition(condition("favourite_colour", "exists", null));

            Answer answer = api().post(actions(ws, destinationId), body.toString());

            assertError(answer, 422, "unknown_field");
            assertThat(answer.body().get("message").asText()).contains("'favourite_colour'");
        }

        @Test
        void refusesAnOperatorThatDoesNotExistAsBadRequest() {
            ObjectNode body = actionWithCondition(condition("country", "matches", "U.*"));

            Answer answer = api().post(actions(ws, destinationId), body.toString());

            assertError(answer, 400, "invalid_body");
            assertThat(answer.body().get("message").asText()).contains("op");
        }

        @Test
        void refusesInWithoutAList() {
            ObjectNode body = actionWithCondition(condition("country", "in", "US"));

            Answer answer = api().post(actions(ws, destinationId), body.toString());

            assertError(answer, 422, "invalid_action");
            assertThat(answer.body().get("message").asText()).contains("list");
        }

        @Test
        void refusesAnInvalidJsonPath() {
            ObjectNode body = actionWithCondition(jsonPath("$[?(@.country == 'US'"));

            Answer answer = api().post(actions(ws, destinationId), body.toString());

            assertError(answer, 422, "invalid_action");
            assertThat(answer.body().get("message").asText()).contains("jsonpath");
        }

        @Test
        void refusesAnEventNameForSomethingThatIsNotAnEventType() {
            ObjectNode body = linkClickedAction();
            body.putObject("event_names").put("page_viewed", "Page Viewed");

            Answer answer = api().post(actions(ws, destinationId), body.toString());

            assertError(answer, 422, "invalid_action");
            assertThat(answer.body().get("message").asText()).contains("'page_viewed'");
        }

        @Test
        void refusesAnActionWithoutName() {
            ObjectNode body = linkClickedAction();
            body.remove("name");

            Answer answer = api().post(actions(ws, destinationId), body.toString());

            assertError(answer, 400, "invalid_request");
        }

        private void assertPiiRefusal(Answer answer, String field) {
            assertError(answer, 422, "pii_field");
            assertThat(answer.body().get("message").asText()).contains("'" + field + "'");
            assertThat(storedActionCount(destinationId)).isZero();
        }
    }

    @Nested
    class MalformedBodies {

        private String ws;

        private String destinationId;

        private String actionId;

        @BeforeEach
        void professionalWorkspaceWithADestinationAndAnAction() {
            ws = professionalWorkspace();
            destinationId = createdDestination(ws);
            actionId = createdAction(ws, destinationId, linkClickedAction());
        }

        @ParameterizedTest
        @MethodSource({
            "com.nimriz.hub.api.ManagementApiIT#unreadableBodies",
            "com.nimriz.hub.api.ManagementApiIT#badWorkspaceBodies"
        })
        void refusesAMalformedWorkspaceBody(String body) {
            String other = newWorkspaceId();

            Answer answer = api().put(workspace(other), body);

            assertBadRequest(answer);
            assertThat(api().get(workspace(other)).status()).isEqualTo(404);
        }

        @ParameterizedTest
        @MethodSource({
            "com.nimriz.hub.api.ManagementApiIT#unreadableBodies",
            "com.nimriz.hub.api.ManagementApiIT#badDestinationBodies"
        })
        void refusesAMalformedNewDestination(String body) {
            Answer answer = api().post(destinations(ws), body);

            assertBadRequest(answer);
            assertThat(storedDestinationCount(ws)).isOne();
        }

        @ParameterizedTest
        @MethodSource({
            "com.nimriz.hub.api.ManagementApiIT#unreadableBodies",
            "com.nimriz.hub.api.ManagementApiIT#badDestinationBodies"
        })
        void refusesAMalformedDestinationPatch(String body) {
            Answer answer = api().patch(destination(ws, destinationId), body);

            assertBadRequest(answer);
        }

        @ParameterizedTest
        @MethodSource({
            "com.nimriz.hub.api.ManagementApiIT#unreadableBodies",
            "com.nimriz.hub.api.ManagementApiIT#badActionBodies"
        })
        void refusesAMalformedNewAction(String body) {
            Answer answer = api().post(actions(ws, destinationId), body);

            assertBadRequest(answer);
            assertThat(storedActionCount(destinationId)).isOne();
        }

        @ParameterizedTest
        @MethodSource({
            "com.nimriz.hub.api.ManagementApiIT#unreadableBodies",
            "com.nimriz.hub.api.ManagementApiIT#badActionBodies"
        })
        void refusesAMalformedActionPatch(String body) {
            Answer answer = api().patch(action(ws, destinationId, actionId), body);

            assertBadRequest(answer);
            assertThat(readAction(ws, destinationId, actionId).get("name").asText())
                    .isEqualTo("Link clicks");
        }

        @Test
        void refusesAValidBodyFollowedByMoreJson() {
            String other = newWorkspaceId();

            Answer answer =
                    api().put(
                                    workspace(other),
                                    workspaceSettings("professional", false)
                                            + workspaceSettings("free", false));

            assertBadRequest(answer);
            assertThat(api().get(workspace(other)).status()).isEqualTo(404);
        }

        @Test
        void refusesAValidPatchFollowedByMoreText() {
            Answer answer =
                    api().patch(destination(ws, destinationId), "{\"name\": \"Other\"} or not");

            assertBadRequest(answer);
            assertThat(readDestination(ws, destinationId).get("name").asText()).isEqualTo("Nimriz");
        }

        @Test
        void namesAnUnknownNestedFieldByItsPath() {
            ObjectNode body = linkClickedAction();
            body.withObject("/trigger").put("colour", "blue");

            Answer answer = api().post(actions(ws, destinationId), body.toString());

            assertError(answer, 400, "invalid_body");
            assertThat(answer.body().get("message").asText()).contains("'trigger.colour'");
        }

        @Test
        void namesAFieldOfTheWrongType() {
            Answer answer = api().patch(destination(ws, destinationId), "{\"enabled\": \"no\"}");

            assertError(answer, 400, "invalid_body");
            assertThat(answer.body().get("message").asText()).contains("'enabled'");
        }
    }

    @Nested
    class UnknownPaths {

        @Test
        void answersNotFoundAsJsonForAnUnknownCall() {
            Answer answer = api().get(API + "/no-such-call");

            assertError(answer, 404, "not_found");
        }

        @Test
        void answersNotFoundAsJsonForAnUnknownCallUnderADestination() {
            String ws = professionalWorkspace();
            String id = createdDestination(ws);

            Answer answer = api().get(destination(ws, id) + "/settings");

            assertError(answer, 404, "not_found");
        }

        @Test
        void answersNotFoundAsJsonForAPostToAnUnknownCall() {
            Answer answer = api().post(API + "/no-such-call", "{}");

            assertError(answer, 404, "not_found");
        }
    }

    static Stream<String> piiAndIpHash() {
        return Stream.concat(PII_FIELDS.stream(), Stream.of("ip_hash"));
    }

    static Stream<Arguments> unreadableBodies() {
        return Stream.of(
                body("text that is not JSON", "Nimriz please"),
                body("truncated JSON", "{\"name\": \"Nimr"),
                body("an empty body", ""),
                body("a JSON array", "[{\"name\": \"Nimriz\"}]"),
                body("a JSON string", "\"Nimriz\""),
                body("JSON null", "null"));
    }

    static Stream<Arguments> badWorkspaceBodies() {
        return Stream.of(
                body("an unknown field", "{\"plan\": \"professional\", \"seats\": 3}"),
                body(
                        "a string for a boolean",
                        "{\"plan\": \"business\", \"strict_privacy\": \"yes\"}"),
                body("a number for the plan", "{\"plan\": 3}"),
                body("an object for the plan", "{\"plan\": {\"name\": \"business\"}}"));
    }

    static Stream<Arguments> badDestinationBodies() {
        String key = "wk" + randomHex();
        return Stream.of(
                body(
                        "an unknown field",
                        "{\"type\": \"segment\", \"name\": \"Second\", \"region\": \"us\","
                                + " \"write_key\": \""
                                + key
                                + "\", \"colour\": \"blue\"}"),
                body(
                        "a number for the name",
                        "{\"type\": \"segment\", \"name\": 42, \"region\": \"us\","
                                + " \"write_key\": \""
                                + key
                                + "\"}"),
                body(
                        "a string for a boolean",
                        "{\"type\": \"segment\", \"name\": \"Second\", \"region\": \"us\","
                                + " \"write_key\": \""
                                + key
                                + "\", \"enabled\": \"true\"}"),
                body(
                        "a region that does not exist",
                        "{\"type\": \"segment\", \"name\": \"Second\", \"region\": \"asia\","
                                + " \"write_key\": \""
                                + key
                                + "\"}"),
                body(
                        "a list for the write key",
                        "{\"type\": \"segment\", \"name\": \"Second\", \"region\": \"us\","
                                + " \"write_key\": [\""
                                + key
                                + "\"]}"));
    }

    static Stream<Arguments> badActionBodies() {
        String trigger = "\"trigger\": {\"event_types\": [\"link_clicked\"]}";
        return Stream.of(
                body("an unknown top-level field", "{\"name\": \"A\", " + trigger + ", \"x\": 1}"),
                body(
                        "an unknown field inside trigger",
                        "{\"name\": \"A\", \"trigger\": {\"event_types\": [\"link_clicked\"],"
                                + " \"colour\": \"blue\"}}"),
                body(
                        "an unknown field inside a condition",
                        "{\"name\": \"A\", \"trigger\": {\"event_types\": [\"link_clicked\"],"
                                + " \"conditions\": [{\"field\": \"country\", \"op\":"
                                + " \"equals\", \"value\": \"US\", \"negate\": true}]}}"),
                body(
                        "an unknown field inside mapping",
                        "{\"name\": \"A\", " + trigger + ", \"mapping\": {\"renames\": {}}}"),
                body("a number for the name", "{\"name\": 42, " + trigger + "}"),
                body(
                        "a string for a boolean",
                        "{\"name\": \"A\", " + trigger + ", \"enabled\": \"true\"}"),
                body(
                        "a string for include_bots",
                        "{\"name\": \"A\", \"trigger\": {\"event_types\": [\"link_clicked\"],"
                                + " \"include_bots\": \"false\"}}"),
                body(
                        "a string for the event type list",
                        "{\"name\": \"A\", \"trigger\": {\"event_types\": \"link_clicked\"}}"),
                body(
                        "an event type that does not exist",
                        "{\"name\": \"A\", \"trigger\": {\"event_types\": [\"page_viewed\"]}}"),
                body(
                        "a match that does not exist",
                        "{\"name\": \"A\", \"trigger\": {\"event_types\": [\"link_clicked\"],"
                                + " \"match\": \"some\"}}"),
                body(
                        "an object for the condition list",
                        "{\"name\": \"A\", \"trigger\": {\"event_types\": [\"link_clicked\"],"
                                + " \"conditions\": {\"field\": \"country\"}}}"),
                body(
                        "a list for the mapping",
                        "{\"name\": \"A\", " + trigger + ", \"mapping\": []}"),
                body(
                        "a list for the event names",
                        "{\"name\": \"A\", " + trigger + ", \"event_names\": [\"Clicked\"]}"));
    }

    private static Arguments body(String description, String json) {
        return Arguments.of(named(description, json));
    }

    private String professionalWorkspace() {
        return workspaceOnPlan("professional");
    }

    private String workspaceOnPlan(String plan) {
        String ws = newWorkspaceId();
        Answer answer = api().put(workspace(ws), workspaceSettings(plan, false));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return ws;
    }

    private String createdDestination(String ws) {
        return createdDestination(ws, segmentDestination("Nimriz", writeKey()));
    }

    private String createdDestination(String ws, String body) {
        Answer answer = api().post(destinations(ws), body);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer.body().get("id").asText();
    }

    private String createdAction(String ws, String destinationId, ObjectNode body) {
        Answer answer = api().post(actions(ws, destinationId), body.toString());
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer.body().get("id").asText();
    }

    private JsonNode readDestination(String ws, String destinationId) {
        Answer answer = api().get(destination(ws, destinationId));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.body();
    }

    private JsonNode readAction(String ws, String destinationId, String actionId) {
        Answer answer = api().get(action(ws, destinationId, actionId));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.body();
    }

    private int storedDestinationCount(String ws) {
        return jdbc.queryForObject(
                "select count(*) from destination where workspace_id = ?", Integer.class, ws);
    }

    private int storedActionCount(String destinationId) {
        return jdbc.queryForObject(
                "select count(*) from action where destination_id = ?",
                Integer.class,
                destinationId);
    }

    private static String workspaceSettings(String plan, boolean strictPrivacy) {
        return "{\"plan\": \"" + plan + "\", \"strict_privacy\": " + strictPrivacy + "}";
    }

    private static String segmentDestination(String name, String writeKey) {
        ObjectNode body =
                JSON.createObjectNode()
                        .put("type", "segment")
                        .put("name", name)
                        .put("region", "us")
                        .put("write_key", writeKey);
        return body.toString();
    }

    private static String writeKeyPatch(String writeKey) {
        return JSON.createObjectNode().put("write_key", writeKey).toString();
    }

    /** A write key the settings CDN stand-in knows. */
    private static String writeKey() {
        return "wk" + randomHex();
    }

    private static String randomHex() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** The key as the API may show it: only its last four characters. */
    private static String masked(String key) {
        return "..." + key.substring(key.length() - 4);
    }

    private static String withoutLastFour(String key) {
        return key.substring(0, key.length() - 4);
    }

    private static String settingsPath(String key) {
        return "/v1/projects/" + key + "/settings";
    }

    /** The smallest valid action: every link click, nothing reshaped. */
    private static ObjectNode linkClickedAction() {
        return object(
                "{\"name\": \"Link clicks\", \"trigger\": {\"event_types\": [\"link_clicked\"]}}");
    }

    /** An action using every part of the action model, with every trigger field spelled out. */
    private static ObjectNode sendEventAction() {
        return object(
                """
                {"name": "Send event",
                 "trigger": {
                   "event_types": ["link_clicked", "qr_scanned", "conversion"],
                   "conversion_names": ["Signup", "Purchase"],
                   "match": "all",
                   "conditions": [
                     {"field": "country", "op": "in", "value": ["US", "CA"]},
                     {"field": "utm_source", "op": "starts_with", "value": "news"},
                     {"field": "revenue", "op": "gt", "value": 9.5},
                     {"field": "is_bot", "op": "not_equals", "value": true},
                     {"field": "qr_id", "op": "exists"},
                     {"jsonpath": "$[?(@.device_category == 'mobile')]"}
                   ],
                   "include_bots": false},
                 "event_names": {"qr_scanned": "QR Code Scanned", "conversion": "Converted"},
                 "mapping": {
                   "rename": {"short_url": "link"},
                   "static": {"source": "nimriz", "weight": 2, "beta": true},
                   "exclude": ["city"]}}
                """);
    }

    private static ObjectNode actionWithCondition(ObjectNode condition) {
        ObjectNode action = linkClickedAction();
        action.withObject("/trigger").putArray("conditions").add(condition);
        return action;
    }

    private static ObjectNode condition(String field, String op, String value) {
        ObjectNode condition = JSON.createObjectNode().put("field", field).put("op", op);
        if (value != null) {
            condition.put("value", value);
        }
        return condition;
    }

    private static ObjectNode jsonPath(String expression) {
        return JSON.createObjectNode().put("jsonpath", expression);
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Bad test JSON", e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String workspace(String ws) {
        return API + "/workspaces/" + ws;
    }

    private static String destinations(String ws) {
        return workspace(ws) + "/destinations";
    }

    private static String destination(String ws, String id) {
        return destinations(ws) + "/" + id;
    }

    private static String actions(String ws, String destinationId) {
        return destination(ws, destinationId) + "/actions";
    }

    private static String action(String ws, String destinationId, String actionId) {
        return actions(ws, destinationId) + "/" + actionId;
    }

    private static void assertError(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.body().path("error").asText()).as(answer.raw()).isEqualTo(code);
        assertThat(answer.body().path("message").asText()).as(answer.raw()).isNotBlank();
    }

    private static void assertBadRequest(Answer answer) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
        assertThat(fieldNames(answer.body())).containsExactlyInAnyOrder("error", "message");
        assertThat(answer.body().get("error").asText()).isNotBlank();
        assertThat(answer.body().get("message").asText()).isNotBlank();
    }
}
