package com.nimriz.hub.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimriz.hub.HubIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hawtio's Camel page, loaded in headless Chromium from Debian, shows the hub's routes. */
class HawtioPageIT extends HubIntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** Simulated time the page gets to load its scripts and read the MBeans over Jolokia. */
    private static final int PAGE_TIME_BUDGET_MILLIS = 15_000;

    private static final long CHROMIUM_TIMEOUT_SECONDS = 120;

    @TempDir Path profile;

    @Test
    void showsTheHubsRouteIdsOnTheCamelRoutesPage() throws IOException, InterruptedException {
        assumeTrue(
                Files.isExecutable(CHROMIUM),
                "Skipped: no " + CHROMIUM + "; install it with apt-get install -y chromium");

        String dom = dumpDom("http://localhost:" + port + "/actuator/hawtio/camel/routes");

        assertThat(dom).contains("Hawtio");
        assertThat(dom)
                .contains(
                        ">consume-events<",
                        ">route-events<",
                        ">match-event<",
                        ">deliver-batch<",
                        ">drain-retries<");
    }

    private String dumpDom(String url) throws IOException, InterruptedException {
        Path dom = profile.resolve("dom.html");
        Path log = profile.resolve("chromium.log");
        Process chromium =
                new ProcessBuilder(
                                List.of(
                                        CHROMIUM.toString(),
                                        "--headless",
                                        "--no-sandbox",
                                        "--disable-gpu",
                                        "--disable-background-networking",
                                        "--disable-component-update",
                                        "--disable-sync",
                                        "--no-first-run",
                                        "--user-data-dir=" + profile.resolve("user-data"),
                                        "--virtual-time-budget=" + PAGE_TIME_BUDGET_MILLIS,
                                        "--dump-dom",
                                        url))
                        .redirectOutput(dom.toFile())
                        .redirectError(log.toFile())
                        .start();
        boolean exited = chromium.waitFor(CHROMIUM_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            chromium.destroyForcibly();
        }
        assertThat(exited).as("Chromium finished within %d s", CHROMIUM_TIMEOUT_SECONDS).isTrue();
        assertThat(chromium.exitValue()).as(Files.readString(log)).isZero();
        return Files.readString(dom, StandardCharsets.UTF_8);
    }
}
