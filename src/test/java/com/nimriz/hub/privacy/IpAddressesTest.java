package com.nimriz.hub.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

    @ParameterizedTest
    @CsvSource({
        "203.0.113.7, 203.0.113.7",
        "' 203.0.113.7 ', 203.0.113.7",
        "0.0.0.0, 0.0.0.0",
        "2001:db8::1, 2001:db8::1",
        "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
        "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "0:0:0:0:0:0:0:0, ::",
        "::1, ::1",
        "fe80:0:0:0:0:0:0:0, fe80::",
        "::ffff:203.0.113.7, 203.0.113.7"
    })
    void writesAddressesInTheirCanonicalForm(String text, String canonical) {
        assertThat(IpAddresses.canonical(text)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "localhost",
                "example.com",
                "256.1.1.1",
                "1.2.3",
                "01.2.3.4",
                "1.2.3.4.5",
                "2001:db8::1::2",
                "2001:db8::g",
                "fe80::1%eth0"
            })
    void refusesTextThatIsNotAnAddressLiteral(String text) {
        assertThat(IpAddresses.canonical(text)).isEmpty();
    }
}
