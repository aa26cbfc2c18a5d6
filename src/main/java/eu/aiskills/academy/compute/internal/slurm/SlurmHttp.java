package eu.aiskills.academy.compute.internal.slurm;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import eu.aiskills.academy.compute.internal.slurm.SlurmException.Kind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP to {@code slurmrestd}, with the JWT headers, time limits on connecting and on
 * every response, a cap on the size of an answer, and failures classified as {@link SlurmException}s.
 * It never retries: the connector decides what may be repeated.
 */
public final class SlurmHttp {

    /** The most of a response that is read; a cluster of thousands of nodes stays well under it. */
    static final int MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
    /** Slurm's "Invalid job id specified". */
    private static final int ESLURM_INVALID_JOB_ID = 2017;
    /** "Zero Bytes were transmitted or received": the controller dropped the request (22.05, for a refused token). */
    private static final int SLURM_ZERO_BYTES = 5005;
    private static final int SLURM_PROTOCOL_AUTHENTICATION_ERROR = 1007;

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final Duration requestTimeout;

    public SlurmHttp(Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        this.requestTimeout = requestTimeout;
    }

    JsonNode get(SlurmConnection connection, String path) {
        return send(connection, request(connection, path).GET());
    }

    JsonNode post(SlurmConnection connection, String path, JsonNode body) {
        byte[] bytes = JSON.writeValueAsBytes(body);
        return send(connection, request(connection, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    JsonNode delete(SlurmConnection connection, String path) {
        return send(connection, request(connection, path).DELETE());
    }

    private HttpRequest.Builder request(SlurmConnection connection, String path) {
        URI base = connection.baseUrl();
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1) : base.toString();
        String token = connection.token().get();
        if (token == null || token.isBlank()) {
            throw new SlurmException(Kind.CREDENTIALS, "No Slurm token is configured for " + connection);
        }
        return HttpRequest.newBuilder(URI.create(root + path)).timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("X-SLURM-USER-NAME", connection.user())
                .header("X-SLURM-USER-TOKEN", token.strip());
    }

    private JsonNode send(SlurmConnection connection, HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new SlurmException(Kind.UNREACHABLE, "Connecting to " + connection.baseUrl() + " timed out", e);
        } catch (HttpTimeoutException e) {
            throw new SlurmException(Kind.TIMEOUT, request.method() + " " + request.uri().getPath() + " got no answer within "
                    + requestTimeout.toSeconds() + " s", e);
        } catch (ConnectException | UnresolvedAddressException e) {
            throw new SlurmException(Kind.UNREACHABLE, "Cannot connect to " + connection.baseUrl() + ": " + e, e);
        } catch (IOException e) {
            throw new SlurmException(Kind.UNREACHABLE, request.method() + " " + request.uri().getPath() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlurmException(Kind.TIMEOUT, "Interrupted while waiting for " + request.uri().getPath(), e);
        }
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_RESPONSE_BYTES + 1);
        } catch (HttpTimeoutException e) {
            throw new SlurmException(Kind.TIMEOUT, "The answer to " + request.uri().getPath() + " did not arrive in time", e);
        } catch (IOException e) {
            throw new SlurmException(Kind.UNREACHABLE, "Reading the answer to " + request.uri().getPath() + " failed: " + e, e);
        }
        if (body.length > MAX_RESPONSE_BYTES) {
            throw new SlurmException(Kind.PROTOCOL, "The answer to " + request.uri().getPath() + " is larger than "
                    + MAX_RESPONSE_BYTES / (1024 * 1024) + " MiB");
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new SlurmException(Kind.CREDENTIALS, "The scheduler refused the credentials of user " + connection.user()
                    + " (HTTP " + status + ")");
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JacksonException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
            if (status >= 500) {
                // A proxy or gateway in front of slurmrestd: the scheduler itself did not answer.
                throw new SlurmException(Kind.UNREACHABLE, "HTTP " + status + " from " + connection.baseUrl() + ": " + text);
            }
            throw new SlurmException(Kind.PROTOCOL, "HTTP " + status + " from " + request.uri().getPath()
                    + " is not a Slurm JSON answer: " + text);
        }
        JsonNode errors = json.path("errors");
        if (status >= 400 || (errors.isArray() && !errors.isEmpty() && status != 200)) {
            throw classify(connection, request, status, errors);
        }
        return json;
    }

    private static SlurmException classify(SlurmConnection connection, HttpRequest request, int status, JsonNode errors) {
        StringBuilder described = new StringBuilder();
        boolean invalidJob = false;
        boolean controllerUnreachable = false;
        boolean refused = false;
        boolean explained = false;
        for (JsonNode error : errors) {
            int number = errorNumber(error);
            invalidJob |= number == ESLURM_INVALID_JOB_ID;
            // SLURM_COMMUNICATIONS_*_ERROR (1001-1004) and SLURMCTLD_COMMUNICATIONS_* (1800-1804).
            controllerUnreachable |= (number >= 1001 && number <= 1004) || (number >= 1800 && number <= 1804);
            refused |= number == SLURM_PROTOCOL_AUTHENTICATION_ERROR || number == SLURM_ZERO_BYTES;
            explained |= number > 0;
            String text = error.path("description").asString("");
            if (text.isBlank()) {
                text = error.path("error").asString("");
            }
            if (!text.isBlank()) {
                described.append(described.isEmpty() ? "" : "; ").append(text);
            }
        }
        String where = request.method() + " " + request.uri().getPath() + " answered HTTP " + status + ": " + described;
        if (invalidJob) {
            return new SlurmException(Kind.NOT_FOUND, where);
        }
        if (controllerUnreachable) {
            return new SlurmException(Kind.UNREACHABLE, where);
        }
        if (refused || (!explained && status >= 500)) {
            // Slurm 22.05 answers a refused token with HTTP 500 and no error number (reads) or a dropped
            // connection (writes); a stopped controller looks the same to reads.
            return new SlurmException(Kind.CREDENTIALS, where + " (the token of Slurm user " + connection.user()
                    + " was refused, or the controller is not answering)");
        }
        return new SlurmException(Kind.REJECTED, described.isEmpty() ? where + "no reason given" : where);
    }

    /** Slurm names the number error_number, error_code (v0.0.38 submissions) or errno (v0.0.38 node and partition lists). */
    private static int errorNumber(JsonNode error) {
        for (String name : new String[] {"error_number", "error_code", "errno"}) {
            if (error.has(name)) {
                return error.path(name).asInt(0);
            }
        }
        return 0;
    }
}
