package com.nimriz.hub.destination;

import com.nimriz.hub.HubProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Seals write keys with AES-GCM under {@code hub.crypto.key} (SPEC section 4.2). The destination id
 * is bound in as associated data, so a sealed key copied to another row does not open.
 */
@Component
public class WriteKeyCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private static final String VERSION = "v1.";

    private static final int NONCE_BYTES = 12;

    private static final int TAG_BITS = 128;

    private final SecretKey key;

    private final SecureRandom random = new SecureRandom();

    public WriteKeyCipher(HubProperties properties) {
        this.key = new SecretKeySpec(Base64.getDecoder().decode(properties.crypto().key()), "AES");
    }

    /** The write key encrypted for the destination with this id. */
    public String seal(String destinationId, String writeKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, destinationId);
            byte[] sealed = cipher.doFinal(writeKey.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a write key", e);
        }
    }

    /** The write key of the destination with this id. */
    public String open(String destinationId, String sealed) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalStateException("Unknown write key format for " + destinationId);
        }
        byte[] in = Base64.getUrlDecoder().decode(sealed.substring(VERSION.length()));
        try {
            Cipher cipher =
                    cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(in, NONCE_BYTES), destinationId);
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Cannot decrypt the write key of destination "
                            + destinationId
                            + "; was hub.crypto.key changed?",
                    e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String destinationId)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(destinationId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
