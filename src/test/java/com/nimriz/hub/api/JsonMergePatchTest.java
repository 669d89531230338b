package com.nimriz.hub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimriz.hub.Refusal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JsonMergePatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Nested
    class Members {

        @Test
        void replacesAScalarMember() {
            ObjectNode target = json("{'name': 'Old', 'enabled': true}");

            ObjectNode result = JsonMergePatch.apply(target, json("{'name': 'New'}"));

            assertThat(result).isEqualTo(json("{'name': 'New', 'enabled': true}"));
        }

        @Test
        void addsAMemberTheTargetLacks() {
            ObjectNode target = json("{'name': 'Old'}");

            ObjectNode result = JsonMergePatch.apply(target, json("{'region': 'eu'}"));

            assertThat(result).isEqualTo(json("{'name': 'Old', 'region': 'eu'}"));
        }

        @Test
        void removesAMemberPatchedWithNull() {
            ObjectNode target = json("{'name': 'Old', 'write_key': 'x'}");

            ObjectNode result = JsonMergePatch.apply(target, json("{'write_key': null}"));

            assertThat(result).isEqualTo(json("{'name': 'Old'}"));
        }

        @Test
        void ignoresNullForAMemberTheTargetLacks() {
            ObjectNode target = json("{'name': 'Old'}");

            ObjectNode result = JsonMergePatch.apply(target, json("{'absent': null}"));

            assertThat(result).isEqualTo(json("{'name': 'Old'}"));
        }

        @Test
        void leavesTheTargetAsItIsForAnEmptyPatch() {
            ObjectNode target = json("{'name': 'Old', 'mapping': {'exclude': ['city']}}");

            ObjectNode result = JsonMergePatch.apply(target, json("{}"));

            assertThat(result).isEqualTo(target);
        }

        @Test
        void doesNotChangeTheTargetItWasGiven() {
            ObjectNode target = json("{'name': 'Old', 'trigger': {'match': 'all'}}");
            ObjectNode before = target.deepCopy();

            JsonMergePatch.apply(target, json("{'name': null, 'trigger': {'match': 'any'}}"));

            assertThat(target).isEqualTo(before);
        }
    }

    @Nested
    class NestedObjects {

        @Test
        void mergesANestedObjectMemberByMember() {
            ObjectNode target = json("{'trigger': {'match': 'all', 'include_bots': false}}");

            ObjectNode result =
                    JsonMergePatch.apply(target, json("{'trigger': {'include_bots': true}}"));

            assertThat(result)
                    .isEqualTo(json("{'trigger': {'match': 'all', 'include_bots': true}}"));
        }

        @Test
        void removesANestedMemberPatchedWithNull() {
            ObjectNode target =
                    json("{'mapping': {'rename': {'short_url': 'link', 'slug': 'path'}}}");

            ObjectNode result =
                    JsonMergePatch.apply(
                            target, json("{'mapping': {'rename': {'short_url': null}}}"));

            assertThat(result).isEqualTo(json("{'mapping': {'rename': {'slug': 'path'}}}"));
        }

        @Test
        void replacesAnArrayWholeRatherThanMergingIt() {
            ObjectNode target = json("{'exclude': ['city', 'region']}");

            ObjectNode result = JsonMergePatch.apply(target, json("{'exclude': ['os']}"));

            assertThat(result).isEqualTo(json("{'exclude': ['os']}"));
        }

        @Test
        void replacesAnObjectPatchedWithAScalar() {
            ObjectNode target = json("{'mapping': {'exclude': ['city']}}");

            ObjectNode result = JsonMergePatch.apply(target, json("{'mapping': 'none'}"));

            assertThat(result).isEqualTo(json("{'mapping': 'none'}"));
        }

        @Test
        void dropsNullsInsideAnObjectThatReplacesAScalar() {
            ObjectNode target = json("{'mapping': 'none'}");

            ObjectNode result =
                    JsonMergePatch.apply(
                            target, json("{'mapping': {'exclude': ['city'], 'rename': null}}"));

            assertThat(result).isEqualTo(json("{'mapping': {'exclude': ['city']}}"));
        }

        @Test
        void dropsNullsInsideAnObjectAddedWhereTheTargetHadNone() {
            ObjectNode target = json("{'name': 'A'}");

            ObjectNode result =
                    JsonMergePatch.apply(
                            target, json("{'mapping': {'static': {'a': 1, 'b': null}}}"));

            assertThat(result).isEqualTo(json("{'name': 'A', 'mapping': {'static': {'a': 1}}}"));
        }

        @Test
        void keepsNullsInsideAnArrayAsTheyAre() {
            ObjectNode target = json("{'values': [1]}");

            ObjectNode result = JsonMergePatch.apply(target, json("{'values': [null, 2]}"));

            assertThat(result).isEqualTo(json("{'values': [null, 2]}"));
        }
    }

    @Nested
    class PatchesThatAreNotObjects {

        @Test
        void refusesAnArrayPatch() {
            ObjectNode target = json("{'name': 'A'}");

            assertThatThrownBy(() -> JsonMergePatch.apply(target, JSON.readTree("[{\"a\":1}]")))
                    .isInstanceOfSatisfying(
                            Refusal.class, refusal -> assertThat(refusal.status()).isEqualTo(400));
        }

        @Test
        void refusesAScalarPatch() {
            ObjectNode target = json("{'name': 'A'}");

            assertThatThrownBy(() -> JsonMergePatch.apply(target, JSON.readTree("\"B\"")))
                    .isInstanceOfSatisfying(
                            Refusal.class, refusal -> assertThat(refusal.status()).isEqualTo(400));
        }

        @Test
        void refusesAJsonNullPatch() {
            ObjectNode target = json("{'name': 'A'}");

            assertThatThrownBy(() -> JsonMergePatch.apply(target, NullNode.getInstance()))
                    .isInstanceOfSatisfying(
                            Refusal.class, refusal -> assertThat(refusal.status()).isEqualTo(400));
        }

        @Test
        void refusesAMissingPatch() {
            ObjectNode target = json("{'name': 'A'}");

            assertThatThrownBy(() -> JsonMergePatch.apply(target, null))
                    .isInstanceOfSatisfying(
                            Refusal.class,
                            refusal -> {
                                assertThat(refusal.status()).isEqualTo(400);
                                assertThat(refusal.getMessage()).contains("JSON object");
                            });
        }
    }

    /** JSON written with single quotes, so the cases read without escapes. */
    private static ObjectNode json(String singleQuoted) {
        try {
            JsonNode node = JSON.readTree(singleQuoted.replace('\'', '"'));
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Bad test JSON: " + singleQuoted, e);
        }
    }
}
