package com.nimriz.hub.privacy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Canonical text of IP addresses, as SPEC section 3.1 hashes them: IPv4 in dotted decimal, IPv6 in
 * RFC 5952 form. Only literals are parsed; nothing here ever resolves a name.
 */
public final class IpAddresses {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private static final int IPV6_GROUPS = 8;

    private IpAddresses() {}

    /** The canonical text of an IPv4 or IPv6 literal, or empty when the text is not one. */
    public static Optional<String> canonical(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (IPV4.matcher(trimmed).matches()) {
            return Optional.of(trimmed);
        }
        if (!trimmed.contains(":") || !IPV6_CHARACTERS.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        try {
            // With a colon in it, the text is parsed as an IPv6 literal and never looked up.
            InetAddress address = InetAddress.getByName(trimmed);
            if (address instanceof Inet4Address) {
                // Known limitation: so ::ffff:203.0.113.7 hashes as 203.0.113.7, by choice; SPEC
                // section 3.1 does not say.
                // An IPv4-mapped IPv6 address is the IPv4 visitor it maps.
                return Optional.of(address.getHostAddress());
            }
            return Optional.of(rfc5952(((Inet6Address) address).getAddress()));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String rfc5952(byte[] bytes) {
        int[] groups = new int[IPV6_GROUPS];
        for (int i = 0; i < IPV6_GROUPS; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < IPV6_GROUPS; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < IPV6_GROUPS && groups[i] == 0) {
                i++;
            }
            // RFC 5952 4.2: shorten only runs of two or more, the longest, the first on a tie.
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < IPV6_GROUPS; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
