package eu.aiskills.academy.labs.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This running instance of the platform, and whether others are alive. A lab session's sandbox
 * (or its connection to a notebook server on a factory) lives in the instance that started it:
 * only that instance may judge or end it, unless the instance stopped saying it is alive for
 * {@value #MISSED_BEATS} heartbeats, or stopped cleanly (then its row is gone at once).
 */
@Component
public class PlatformInstances {

    static final int MISSED_BEATS = 3;

    private final String id = UUID.randomUUID().toString();
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration heartbeat;

    PlatformInstances(JdbcTemplate jdbc, Clock clock, @Value("${academy.labs.heartbeat:20s}") Duration heartbeat) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.heartbeat = heartbeat;
        jdbc.update("INSERT INTO platform_instance (id, host, started_at, heartbeat_at) VALUES (?, ?, ?, ?)", id, host(),
                Timestamp.from(clock.instant()), Timestamp.from(clock.instant()));
    }

    /** This instance's id, recorded on the lab sessions it starts. */
    public String id() {
        return id;
    }

    /** Whether the instance with this id is this one or said it was alive lately. */
    public boolean alive(String instance) {
        if (id.equals(instance)) {
            return true;
        }
        if (instance == null) {
            return false;
        }
        Timestamp last = jdbc.query("SELECT heartbeat_at FROM platform_instance WHERE id = ?", rs -> rs.next() ? rs.getTimestamp(1) : null,
                instance);
        return last != null && last.toInstant().isAfter(clock.instant().minus(heartbeat.multipliedBy(MISSED_BEATS)));
    }

    @Scheduled(fixedDelayString = "${academy.labs.heartbeat:20s}", initialDelayString = "${academy.labs.heartbeat:20s}")
    void beat() {
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("UPDATE platform_instance SET heartbeat_at = ? WHERE id = ?", now, id) == 0) {
            jdbc.update("INSERT INTO platform_instance (id, host, started_at, heartbeat_at) VALUES (?, ?, ?, ?)", id, host(), now, now);
        }
        // Rows of instances gone for a day are only history.
        jdbc.update("DELETE FROM platform_instance WHERE heartbeat_at < ?", Timestamp.from(clock.instant().minus(Duration.ofDays(1))));
    }

    /**
     * Says goodbye, so that other instances end this one's sessions at once; best effort and brief:
     * when the database is already gone (it may be stopping too), the others notice the silence instead.
     */
    @PreDestroy
    void stopped() {
        Thread goodbye = Thread.ofVirtual().start(() -> {
            try {
                jdbc.update("DELETE FROM platform_instance WHERE id = ?", id);
            } catch (RuntimeException gone) {
                // The heartbeat stops; that is enough.
            }
        });
        try {
            goodbye.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
