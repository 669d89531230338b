package com.nimriz.hub.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimriz.hub.HubProperties;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WriteKeyCipherTest {

    private static final String WRITE_KEY = "wk9TgQm2ZxLr7pBdA4sVn1Ec";

    private static final String DESTINATION_ID = "2b0f1c7e-8d3a-4c55-9f61-0a7b3e9d2c14";

    private static final String OTHER_DESTINATION_ID = "7c4e9a21-5f0b-4d8e-a3c6-1b2d3e4f5a6b";

    /** 32 bytes of 0x07, a key unlike the local default. */
    private static final String CRYPTO_KEY = "BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=";

    /** 32 bytes of 0x09. */
    private static final String OTHER_CRYPTO_KEY = "CQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQk=";

    private final WriteKeyCipher cipher = cipherWithKey(CRYPTO_KEY);

    @Test
    void opensWhatItSealedForTheSameDestination() {
        String sealed = cipher.seal(DESTINATION_ID, WRITE_KEY);

        String opened = cipher.open(DESTINATION_ID, sealed);

        assertThat(opened).isEqualTo(WRITE_KEY);
    }

    @Test
    void sealsOneKeyDifferentlyEachTime() {
        String first = cipher.seal(DESTINATION_ID, WRITE_KEY);

        String second = cipher.seal(DESTINATION_ID, WRITE_KEY);

        assertThat(first).isNotEqualTo(second);
        assertThat(cipher.open(DESTINATION_ID, second)).isEqualTo(WRITE_KEY);
    }

    @Test
    void sealedTextDoesNotContainTheKey() {
        String sealed = cipher.seal(DESTINATION_ID, WRITE_KEY);

        String decoded = new String(payload(sealed), StandardCharsets.ISO_8859_1);

        assertThat(sealed).doesNotContain(WRITE_KEY).doesNotContain(WRITE_KEY.substring(0, 8));
        assertThat(decoded).doesNotContain(WRITE_KEY).doesNotContain(WRITE_KEY.substring(0, 8));
    }

    @Test
    void sealedKeyDoesNotOpenUnderAnotherDestinationId() {
        String sealed = cipher.seal(DESTINATION_ID, WRITE_KEY);

        assertThatThrownBy(() -> cipher.open(OTHER_DESTINATION_ID, sealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(OTHER_DESTINATION_ID)
                .hasMessageNotContaining(WRITE_KEY);
    }

    @Test
    void sealedKeyDoesNotOpenUnderAnotherCryptoKey() {
        String sealed = cipher.seal(DESTINATION_ID, WRITE_KEY);
        WriteKeyCipher other = cipherWithKey(OTHER_CRYPTO_KEY);

        assertThatThrownBy(() -> other.open(DESTINATION_ID, sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tamperedCiphertextFailsToOpen() {
        String sealed = cipher.seal(DESTINATION_ID, WRITE_KEY);
        byte[] bytes = payload(sealed);
        bytes[bytes.length - 20] ^= 0x01;

        String tampered = withPayload(sealed, bytes);

        assertThatThrownBy(() -> cipher.open(DESTINATION_ID, tampered))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(WRITE_KEY);
    }

    @Test
    void tamperedNonceFailsToOpen() {
        String sealed = cipher.seal(DESTINATION_ID, WRITE_KEY);
        byte[] bytes = payload(sealed);
        bytes[0] ^= 0x01;

        String tampered = withPayload(sealed, bytes);

        assertThatThrownBy(() -> cipher.open(DESTINATION_ID, tampered))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void truncatedSealedTextFailsToOpen() {
        String sealed = cipher.seal(DESTINATION_ID, WRITE_KEY);

        String truncated = sealed.substring(0, sealed.length() - 4);

        assertThatThrownBy(() -> cipher.open(DESTINATION_ID, truncated))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sealedTextOfAnUnknownFormatIsRefused() {
        String sealed = cipher.seal(DESTINATION_ID, WRITE_KEY);

        String otherFormat = "v2." + sealed.substring(prefix(sealed).length());

        assertThatThrownBy(() -> cipher.open(DESTINATION_ID, otherFormat))
                .isInstanceOf(IllegalStateException.class);
    }

    private static WriteKeyCipher cipherWithKey(String base64Key) {
        HubProperties.Kafka kafka = new HubProperties.Kafka(null, "hub", 1, 1, 10, null);
        HubProperties properties =
                new HubProperties(
                        kafka, null, null, new HubProperties.Crypto(base64Key), null, null, null);
        return new WriteKeyCipher(properties);
    }

    private static String prefix(String sealed) {
        return sealed.substring(0, sealed.indexOf('.') + 1);
    }

    private static byte[] payload(String sealed) {
        return Base64.getUrlDecoder().decode(sealed.substring(prefix(sealed).length()));
    }

    private static String withPayload(String sealed, byte[] payload) {
        return prefix(sealed) + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
    }
}
