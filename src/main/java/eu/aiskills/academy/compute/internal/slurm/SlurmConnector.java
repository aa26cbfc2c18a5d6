package eu.aiskills.academy.compute.internal.slurm;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import eu.aiskills.academy.compute.ComputeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The way to each factory's {@code slurmrestd}: its endpoint from the registry, its token from
 * configuration, the adapter of its API version, and bounded retries of requests that may be
 * repeated safely.
 */
@Component
public class SlurmConnector {

    private static final Logger log = LoggerFactory.getLogger(SlurmConnector.class);
    /** The token files may hold at most this much; a JWT is far shorter. */
    private static final long MAX_TOKEN_BYTES = 16 * 1024;

    /** A factory's scheduler as the registry describes it. */
    public record Endpoint(UUID factoryId, String factorySlug, URI url, String apiVersion, String user, String workDir) {
    }

    private final ComputeProperties.Slurm settings;
    private final JdbcTemplate jdbc;
    private final Map<String, SlurmApi> adapters;

    SlurmConnector(ComputeProperties properties, JdbcTemplate jdbc) {
        this.settings = properties.slurm();
        this.jdbc = jdbc;
        SlurmHttp http = new SlurmHttp(settings.connectTimeout(), settings.requestTimeout());
        this.adapters = Stream.of(new SlurmV0038(http), new SlurmV0041(http))
                .collect(Collectors.toUnmodifiableMap(SlurmApi::version, api -> api));
    }

    /** The API versions the connector speaks. */
    public static List<String> versions() {
        return List.of("v0.0.38", "v0.0.41");
    }

    /** The factory's scheduler, or empty when none is configured. */
    public Optional<Endpoint> endpoint(UUID factoryId) {
        return jdbc.query("SELECT id, slug, scheduler_url, scheduler_api_version, scheduler_user, scheduler_work_dir"
                + " FROM ai_factory WHERE id = ? AND scheduler_url IS NOT NULL", (rs, n) -> new Endpoint(
                UUID.fromString(rs.getString("id")), rs.getString("slug"), URI.create(rs.getString("scheduler_url")),
                rs.getString("scheduler_api_version"), rs.getString("scheduler_user"),
                Optional.ofNullable(rs.getString("scheduler_work_dir")).orElse("/tmp")), factoryId.toString())
                .stream().findFirst();
    }

    public SlurmApi api(Endpoint endpoint) {
        SlurmApi api = adapters.get(endpoint.apiVersion());
        if (api == null) {
            throw new SlurmException(SlurmException.Kind.PROTOCOL, "The platform does not speak slurmrestd API "
                    + endpoint.apiVersion() + " (it speaks " + String.join(", ", versions()) + ")");
        }
        return api;
    }

    public SlurmConnection connection(Endpoint endpoint) {
        return new SlurmConnection(endpoint.url(), endpoint.user(), () -> token(endpoint.factorySlug()));
    }

    /** Whether a token is configured for the factory (without reading it). */
    public boolean hasToken(String factorySlug) {
        return settings.tokens().containsKey(factorySlug)
                || (settings.tokenDirectory() != null && Files.isRegularFile(settings.tokenDirectory().resolve(factorySlug + ".token")));
    }

    /**
     * Runs a request that may be repeated without harm (reading, cancelling), trying again after a
     * pause when nothing answered, up to the configured number of attempts.
     */
    public <T> T idempotent(Endpoint endpoint, Function<SlurmConnection, T> request) {
        SlurmConnection connection = connection(endpoint);
        long pause = settings.retryBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return request.apply(connection);
            } catch (SlurmException e) {
                if (!e.transientFailure() || attempt >= settings.attempts()) {
                    throw e;
                }
                log.info("Slurm of {}: attempt {} failed ({}); trying again in {} ms", endpoint.factorySlug(), attempt,
                        e.getMessage(), pause);
                sleep(pause);
                pause *= 2;
            }
        }
    }

    /** Runs a request once (submitting: the caller looks for the job before repeating it). */
    public <T> T once(Endpoint endpoint, Function<SlurmConnection, T> request) {
        return request.apply(connection(endpoint));
    }

    public int attempts() {
        return settings.attempts();
    }

    public void pauseBeforeAttempt(int attempt) {
        sleep(settings.retryBackoff().toMillis() << Math.max(0, attempt - 2));
    }

    private String token(String factorySlug) {
        String token = settings.tokens().get(factorySlug);
        if (token != null) {
            return token;
        }
        if (settings.tokenDirectory() != null) {
            Path file = settings.tokenDirectory().resolve(factorySlug + ".token");
            try {
                if (Files.isRegularFile(file) && Files.size(file) <= MAX_TOKEN_BYTES) {
                    return Files.readString(file, StandardCharsets.UTF_8).strip();
                }
            } catch (IOException e) {
                throw new SlurmException(SlurmException.Kind.CREDENTIALS, "Cannot read the Slurm token file " + file + ": " + e);
            }
        }
        throw new SlurmException(SlurmException.Kind.CREDENTIALS, "No Slurm token is configured for factory " + factorySlug
                + " (set academy.compute.slurm.tokens." + factorySlug + " or put " + factorySlug
                + ".token into academy.compute.slurm.token-directory)");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlurmException(SlurmException.Kind.TIMEOUT, "Interrupted while waiting to try again");
        }
    }
}
