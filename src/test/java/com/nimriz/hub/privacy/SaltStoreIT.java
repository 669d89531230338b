package com.nimriz.hub.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimriz.hub.HubProperties;
import com.nimriz.hub.support.MutableClock;
import com.nimriz.hub.support.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The salt lifecycle of SPEC section 3.1, with several hub instances sharing one store. */
class SaltStoreIT {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    private static final Instant NOON = Instant.parse("2026-12-03T12:00:00Z");

    @TempDir static Path dir;

    static Stream<Arguments> databases() {
        return TestDatabases.all(dir);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void givesEveryThreadOfEveryInstanceTheSameSaltForADay(String name, String url)
            throws Exception {
        DataSource db = TestDatabases.fresh(name, url);
        MutableClock clock = new MutableClock(NOON);
        List<SaltStore> instances = List.of(instance(db, clock), instance(db, clock));
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> salts = new ArrayList<>();

        for (int i = 0; i < threads; i++) {
            SaltStore store = instances.get(i % instances.size());
            Callable<String> ask =
                    () -> {
                        start.await();
                        return HexFormat.of().formatHex(store.saltFor(DAY).orElseThrow());
                    };
            salts.add(pool.submit(ask));
        }
        start.countDown();
        Set<String> distinct = new HashSet<>();
        for (Future<String> salt : salts) {
            distinct.add(salt.get());
        }
        pool.shutdown();

        assertThat(distinct).hasSize(1);
        assertThat(distinct.iterator().next()).hasSize(64);
        assertThat(rows(db)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void givesEachDayItsOwnSalt(String name, String url) {
        DataSource db = TestDatabases.fresh(name, url);
        SaltStore store = instance(db, new MutableClock(NOON));

        byte[] today = store.saltFor(DAY).orElseThrow();
        byte[] yesterday = store.saltFor(DAY.minusDays(1)).orElseThrow();

        assertThat(today).isNotEqualTo(yesterday);
        assertThat(instance(db, new MutableClock(NOON)).saltFor(DAY)).contains(today);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void keepsADaysSaltUntilTheRetentionAfterTheDayEndedThenDeletesIt(String name, String url) {
        DataSource db = TestDatabases.fresh(name, url);
        MutableClock clock = new MutableClock(NOON);
        SaltStore store = instance(db, clock);
        byte[] salt = store.saltFor(DAY).orElseThrow();

        clock.set(Instant.parse("2026-12-05T23:59:59Z"));
        assertThat(store.saltFor(DAY)).contains(salt);
        assertThat(store.deleteExpired()).isZero();

        clock.set(Instant.parse("2026-12-06T00:00:00Z"));
        assertThat(store.saltFor(DAY)).isEmpty();
        assertThat(store.deleteExpired()).isEqualTo(1);
        assertThat(rows(db)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void neverMakesASaltForADayAlreadyPastTheRetention(String name, String url) {
        DataSource db = TestDatabases.fresh(name, url);
        SaltStore store = instance(db, new MutableClock(NOON));

        assertThat(store.saltFor(DAY.minusDays(3))).isEmpty();

        assertThat(rows(db)).isZero();
    }

    private static SaltStore instance(DataSource db, MutableClock clock) {
        return new SaltStore(JdbcClient.create(db), properties(Duration.ofDays(2)), clock);
    }

    private static HubProperties properties(Duration retention) {
        var source = new MapConfigurationPropertySource();
        source.put("hub.privacy.salt-retention", retention.toString());
        return new Binder(source).bindOrCreate("hub", HubProperties.class);
    }

    private static int rows(DataSource db) {
        return JdbcClient.create(db)
                .sql("select count(*) from privacy_salt")
                .query(Integer.class)
                .single();
    }
}
