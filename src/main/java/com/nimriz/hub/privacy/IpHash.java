package com.nimriz.hub.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The daily-salted IP hash that stands in for a visitor's IP (SPEC section 3.1). */
public final class IpHash {

    static final String ALGORITHM = "HmacSHA256";

    static final int HASH_BYTES = 16;

    private IpHash() {}

    /**
     * Lowercase hex of the first 16 bytes of HMAC-SHA256 keyed with the day's salt over the IP in
     * the canonical text of {@link IpAddresses#canonical}.
     */
    public static String of(byte[] salt, String canonicalIp) {
        byte[] mac = newMac(salt).doFinal(canonicalIp.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac, 0, HASH_BYTES);
    }

    private static Mac newMac(byte[] salt) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(salt, ALGORITHM));
            return mac;
        } catch (NoSuchAlgorithmException e) {
            // Every Java runtime must provide HmacSHA256, so this is a broken JDK, not bad input.
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("The salt is not a usable HMAC key", e);
        }
    }
}
