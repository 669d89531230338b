package com.nimriz.hub.privacy;

import com.nimriz.hub.HubProperties;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The daily salts of the IP hash (SPEC section 3.1), kept in the shared store so every hub instance
 * uses the same salt for a day. A salt is made by whichever instance needs it first; when two race,
 * the primary key lets one insert win and the other reads it back.
 *
 * <p>A day's salt lives until {@code hub.privacy.salt-retention} after that day has ended (UTC);
 * after that it is never used again and {@link #deleteExpired()} removes it.
 */
@Component("saltStore")
public class SaltStore {

    private static final Logger LOG = LoggerFactory.getLogger(SaltStore.class);

    static final int SALT_BYTES = 32;

    private final JdbcClient jdbc;

    private final Duration retention;

    private final Clock clock;

    private final SecureRandom random = new SecureRandom();

    private final Map<LocalDate, byte[]> cache = new ConcurrentHashMap<>();

    public SaltStore(JdbcClient jdbc, HubProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.retention = properties.privacy().saltRetention();
        this.clock = clock;
    }

    /** The salt of the day, made now if nobody made it yet; empty once the day has expired. */
    public Optional<byte[]> saltFor(LocalDate day) {
        if (expired(day, clock.instant())) {
            cache.remove(day);
            return Optional.empty();
        }
        return Optional.of(cache.computeIfAbsent(day, this::loadOrCreate).clone());
    }

    /** Deletes every salt whose day has expired; returns how many went. */
    public int deleteExpired() {
        LocalDate oldestKept = oldestKeptDay(clock.instant());
        cache.keySet().removeIf(day -> day.isBefore(oldestKept));
        int deleted =
                jdbc.sql("delete from privacy_salt where salt_day < ?")
                        .param(Date.valueOf(oldestKept))
                        .update();
        if (deleted > 0) {
            LOG.info("Deleted {} daily IP-hash salts of days before {}", deleted, oldestKept);
        }
        return deleted;
    }

    /** True when the day ended longer than the retention ago. */
    boolean expired(LocalDate day, Instant now) {
        return day.isBefore(oldestKeptDay(now));
    }

    private LocalDate oldestKeptDay(Instant now) {
        // Day D is kept while now < start of D+1 + retention, that is while D >= date(now - ret).
        return now.minus(retention).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private byte[] loadOrCreate(LocalDate day) {
        return load(day).orElseGet(() -> create(day));
    }

    private Optional<byte[]> load(LocalDate day) {
        return jdbc.sql("select salt_hex from privacy_salt where salt_day = ?")
                .param(Date.valueOf(day))
                .query(String.class)
                .optional()
                .map(HexFormat.of()::parseHex);
    }

    private byte[] create(LocalDate day) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        try {
            jdbc.sql(
                            "insert into privacy_salt (salt_day, salt_hex, created_at)"
                                    + " values (?, ?, ?)")
                    .params(
                            Date.valueOf(day),
                            HexFormat.of().formatHex(salt),
                            Timestamp.from(clock.instant()))
                    .update();
            LOG.info("Made the IP-hash salt of {}", day);
            return salt;
        } catch (DuplicateKeyException e) {
            // Another instance made it first: use theirs.
            return load(day).orElseThrow(() -> e);
        }
    }
}
