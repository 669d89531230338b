package com.nimriz.hub.destination;

import com.nimriz.hub.HubProperties;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks Segment's settings CDN whether a write key names a source (SPEC section 4.2).
 *
 * <p>A plain JDK client rather than a Camel endpoint: the key is part of the URL, and Camel would
 * list endpoint URIs in JMX and Hawtio.
 */
@Component
public class WriteKeyVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(WriteKeyVerifier.class);

    /** What the CDN said of a key. */
    public enum Verdict {
        VERIFIED,
        UNKNOWN_KEY,
        UNREACHABLE
    }

    private final URI cdnUrl;

    private final Duration timeout;

    private final HttpClient client;

    public WriteKeyVerifier(HubProperties properties) {
        this.cdnUrl = properties.segment().cdnUrl();
        this.timeout = properties.segment().cdnTimeout();
        this.client =
                HttpClient.newBuilder()
                        .connectTimeout(timeout)
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build();
    }

    public Verdict verify(String writeKey) {
        String base = cdnUrl.toString().replaceAll("/+$", "");
        URI uri =
                URI.create(
                        base
                                + "/v1/projects/"
                                + URLEncoder.encode(writeKey, StandardCharsets.UTF_8)
                                + "/settings");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 404) {
                return Verdict.UNKNOWN_KEY;
            }
            if (status >= 200 && status < 300) {
                return Verdict.VERIFIED;
            }
            LOG.warn("The Segment settings CDN answered {} to a write key check", status);
            return Verdict.UNREACHABLE;
        } catch (IOException e) {
            LOG.warn(
                    "The Segment settings CDN at {} could not be reached: {}",
                    base,
                    e.getClass().getSimpleName());
            return Verdict.UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.UNREACHABLE;
        }
    }
}
