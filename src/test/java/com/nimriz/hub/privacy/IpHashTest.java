package com.nimriz.hub.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpHashTest {

    private static final String SALT_A =
            "245bfda5c41e8f59e1328bf8906626c2fcf0ec5542459bb3708e4739c4683995";

    private static final String SALT_B =
            "7040b9f9043e05b94f5d7c46429f4f84b81e5ec7631cc0443d25766356862f08";

    @ParameterizedTest
    @CsvSource({
        SALT_A + ", 203.0.113.7, c6a965f4d19d48204645672a33bcd730",
        SALT_B + ", 203.0.113.7, 69e9d4cf7faf31052d36609eccfe141a",
        SALT_A + ", 2001:db8::1, 914b0e0e0720598ab136efe76bba3852"
    })
    void matchesTheSpecTestVectors(String saltHex, String ip, String expected) {
        byte[] salt = HexFormat.of().parseHex(saltHex);

        String hash = IpHash.of(salt, ip);

        assertThat(hash).isEqualTo(expected);
    }

    @Test
    void isThirtyTwoLowercaseHexCharacters() {
        byte[] salt = HexFormat.of().parseHex(SALT_A);

        String hash = IpHash.of(salt, "198.51.100.23");

        assertThat(hash).hasSize(32).matches("[0-9a-f]{32}");
    }

    @Test
    void givesTheSameVisitorTheSameHashWithTheSameSalt() {
        byte[] salt = HexFormat.of().parseHex(SALT_A);

        String first = IpHash.of(salt, "203.0.113.7");
        String second = IpHash.of(salt.clone(), "203.0.113.7");

        assertThat(second).isEqualTo(first);
    }

    @Test
    void givesTheSameVisitorANewHashWithAnotherDaysSalt() {
        String today = IpHash.of(HexFormat.of().parseHex(SALT_A), "203.0.113.7");

        String tomorrow = IpHash.of(HexFormat.of().parseHex(SALT_B), "203.0.113.7");

        assertThat(tomorrow).isNotEqualTo(today);
    }
}
