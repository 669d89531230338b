package com.nimriz.hub.segment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void matchesTheSpecTestVector() {
        String id = MessageIds.of("ws_acme", "act_1", "evt_1");

        assertThat(id).isEqualTo("nmz-d05de6312859ce3d4c5c8aafd9cd6677c1f3e1d5");
    }

    @Test
    void isThePrefixAndFortyLowercaseHexCharacters() {
        String id = MessageIds.of("ws_acme", "act_1", "evt_2");

        assertThat(id).matches("nmz-[0-9a-f]{40}");
    }

    @Test
    void isTheSameForARedeliveryOfTheSameEventThroughTheSameAction() {
        String first = MessageIds.of("ws_acme", "act_1", "evt_1");

        String redelivered = MessageIds.of("ws_acme", "act_1", "evt_1");

        assertThat(redelivered).isEqualTo(first);
    }

    @Test
    void differsPerActionSoTwoActionsOfOneEventAreNotDeduplicated() {
        String first = MessageIds.of("ws_acme", "act_1", "evt_1");

        String second = MessageIds.of("ws_acme", "act_2", "evt_1");

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void keepsTheSeparatorSoShiftedIdsDoNotCollide() {
        String first = MessageIds.of("ws_a", "ct_1", "evt_1");

        String second = MessageIds.of("ws_", "act_1", "evt_1");

        assertThat(second).isNotEqualTo(first);
    }
}
