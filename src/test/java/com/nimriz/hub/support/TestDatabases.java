package com.nimriz.hub.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Driver;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.provider.Arguments;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The databases the store must work on: an H2 file always, and PostgreSQL when {@code
 * HUB_TEST_POSTGRES_URL} names one (as {@code .ci/run} does).
 */
public final class TestDatabases {

    public static final String POSTGRES_URL_VARIABLE = "HUB_TEST_POSTGRES_URL";

    private TestDatabases() {}

    /** Arguments (name, JDBC URL) for a parameterized test; the URL may be null. */
    public static Stream<Arguments> all(Path dir) {
        return Stream.of(
                Arguments.of("h2", "jdbc:h2:file:" + dir.resolve("store")),
                Arguments.of("postgresql", System.getenv(POSTGRES_URL_VARIABLE)));
    }

    /** The database emptied and migrated; skips the test when its URL is not set. */
    public static DataSource fresh(String name, String url) {
        assumeTrue(url != null && !url.isBlank(), () -> name + ": set " + POSTGRES_URL_VARIABLE);
        DataSource db = new SimpleDriverDataSource(driverFor(url), url);
        Flyway.configure()
                .dataSource(db)
                .locations("classpath:db/migration")
                .cleanDisabled(false)
                .load()
                .clean();
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        return db;
    }

    private static Driver driverFor(String url) {
        return url.startsWith("jdbc:postgresql:")
                ? new org.postgresql.Driver()
                : new org.h2.Driver();
    }
}
