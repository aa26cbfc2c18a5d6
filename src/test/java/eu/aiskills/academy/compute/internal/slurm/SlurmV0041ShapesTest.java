package eu.aiskills.academy.compute.internal.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The v0.0.41 adapter (Slurm 24.05–25.05) against answers recorded from that version's OpenAPI
 * description (src/test/resources/slurm/v0.0.41), served by a local HTTP server that also keeps
 * what the adapter sent.
 */
class SlurmV0041ShapesTest {

    /** The properties of {@code v0.0.41_job_desc_msg} the platform may send (a subset of the schema's). */
    private static final Set<String> JOB_DESC_PROPERTIES = Set.of("script", "name", "partition", "time_limit", "tres_per_node",
            "account", "reservation", "memory_per_node", "current_working_directory", "standard_output", "environment");

    private record Seen(String method, String path, Map<String, String> headers, String body) {
    }

    private HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final SlurmApi api = new SlurmV0041(new SlurmHttp(Duration.ofSeconds(2), Duration.ofSeconds(5)));
    private SlurmConnection connection;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        connection = new SlurmConnection(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "academy",
                () -> "eyJhbGciOiJIUzI1NiJ9.recorded.token");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        Map<String, String> headers = new java.util.HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst()));
        seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers,
                new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
        String file = answers.get(key);
        byte[] body;
        if (file == null) {
            body = "{\"errors\": [{\"description\": \"Unknown path\", \"error_number\": 9000, \"error\": \"not recorded\"}]}".getBytes();
            exchange.sendResponseHeaders(404, body.length);
        } else {
            try (InputStream in = getClass().getResourceAsStream("/slurm/v0.0.41/" + file)) {
                body = in.readAllBytes();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(statuses.getOrDefault(key, 200), body.length);
        }
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private void record(String request, String file) {
        answers.put(request, file);
    }

    @Test
    void submitsTheJobDescriptionInV0041sShapes() {
        record("POST /slurm/v0.0.41/job/submit", "submit.json");

        String id = api.submit(connection, new SlurmJobSubmission("academy-0b7f7c1e", "gpu-lab", "#!/bin/bash\njupyter server\n", 30,
                2, "ai-academy", "course-week-3", Map.of("JUPYTER_TOKEN", "t0k3n"), "/scratch/academy", null, 65536));

        assertThat(id).isEqualTo("4242");
        Seen request = seen.getFirst();
        assertThat(request.headers()).containsEntry("x-slurm-user-name", "academy")
                .containsEntry("x-slurm-user-token", "eyJhbGciOiJIUzI1NiJ9.recorded.token")
                .containsEntry("content-type", "application/json");
        JsonNode body = SlurmHttp.JSON.readTree(request.body());
        assertThat(body.has("script")).as("v0.0.41 takes the script inside the job").isFalse();
        JsonNode job = body.path("job");
        job.propertyNames().forEach(name -> assertThat(JOB_DESC_PROPERTIES).as("a v0.0.41_job_desc_msg property").contains(name));
        assertThat(job.path("script").asString()).startsWith("#!/bin/bash");
        assertThat(job.path("time_limit").path("set").asBoolean()).isTrue();
        assertThat(job.path("time_limit").path("infinite").asBoolean()).isFalse();
        assertThat(job.path("time_limit").path("number").asInt()).isEqualTo(30);
        assertThat(job.path("memory_per_node").path("number").asLong()).isEqualTo(65536);
        assertThat(job.path("tres_per_node").asString()).isEqualTo("gres/gpu:2");
        assertThat(job.path("account").asString()).isEqualTo("ai-academy");
        assertThat(job.path("reservation").asString()).isEqualTo("course-week-3");
        assertThat(job.path("environment").isArray()).isTrue();
        List<String> environment = job.path("environment").valueStream().map(JsonNode::asString).toList();
        assertThat(environment).contains("JUPYTER_TOKEN=t0k3n").anyMatch(v -> v.startsWith("PATH="));
    }

    @Test
    void readsQueuedRunningAndEndedJobs() {
        record("GET /slurm/v0.0.41/job/4242", "job-pending.json");
        SlurmJobStatus pending = api.job(connection, "4242").orElseThrow();
        assertThat(pending.state()).isEqualTo("PENDING");
        assertThat(pending.stateReason()).isEqualTo("Resources");
        assertThat(pending.startTime()).as("the expected start").isEqualTo(Instant.ofEpochSecond(1795664400));

        record("GET /slurm/v0.0.41/job/4242", "job-running.json");
        SlurmJobStatus running = api.job(connection, "4242").orElseThrow();
        assertThat(running.state()).isEqualTo("RUNNING");
        assertThat(running.stateReason()).isEmpty();
        assertThat(running.returnCode()).as("unset while running").isNull();
        assertThat(running.nodes()).isEqualTo("gpu-node-017");

        record("GET /slurm/v0.0.41/job/4242", "job-failed.json");
        SlurmJobStatus failed = api.job(connection, "4242").orElseThrow();
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.returnCode()).isEqualTo(3);
        assertThat(failed.endTime()).isEqualTo(Instant.ofEpochSecond(1795663500));

        record("GET /slurm/v0.0.41/job/4242", "job-preempted.json");
        SlurmJobStatus preempted = api.job(connection, "4242").orElseThrow();
        assertThat(preempted.state()).isEqualTo("PREEMPTED");
        assertThat(preempted.signal()).isEqualTo(9);

        record("GET /slurm/v0.0.41/job/4242", "job-cancelled.json");
        assertThat(api.job(connection, "4242").orElseThrow().state()).as("the base state, not the COMPLETING flag").isEqualTo("CANCELLED");
    }

    @Test
    void findsJobsByNameAndCancels() {
        record("GET /slurm/v0.0.41/jobs/", "job-running.json");
        record("DELETE /slurm/v0.0.41/job/4242", "cancel.json");

        assertThat(api.jobsNamed(connection, "academy-0b7f7c1e-6a43-4c8e-9d53-1f6d0f3a9c11")).extracting(SlurmJobStatus::jobId)
                .containsExactly("4242");
        assertThat(api.jobsNamed(connection, "academy-someone-else")).isEmpty();
        api.cancel(connection, "4242");
        assertThat(seen.getLast().method()).isEqualTo("DELETE");
    }

    @Test
    void anUnknownJobIsEmpty() {
        record("GET /slurm/v0.0.41/job/999999", "job-unknown.json");
        statuses.put("GET /slurm/v0.0.41/job/999999", 500);
        record("DELETE /slurm/v0.0.41/job/999999", "job-unknown.json");
        statuses.put("DELETE /slurm/v0.0.41/job/999999", 500);

        assertThat(api.job(connection, "999999")).isEmpty();
        api.cancel(connection, "999999");
    }

    @Test
    void readsNodesWithTheirGpusAndWhetherTheyTakeJobs() {
        record("GET /slurm/v0.0.41/nodes/", "nodes.json");

        List<SlurmNode> nodes = api.nodes(connection);

        assertThat(nodes).extracting(SlurmNode::name).containsExactly("gpu-node-017", "gpu-node-018", "gpu-node-019", "cpu-node-001");
        assertThat(nodes.get(0).gpus()).isEqualTo(4);
        assertThat(nodes.get(0).gpusUsed()).isEqualTo(2);
        assertThat(nodes.get(0).partitions()).containsExactly("gpu-lab", "gpu-train");
        assertThat(nodes.get(0).usable()).isTrue();
        assertThat(nodes.get(1).gpusUsed()).isZero();
        assertThat(nodes.get(2).usable()).as("drained").isFalse();
        assertThat(nodes.get(3).gpus()).isZero();
    }

    @Test
    void refusedCredentialsAreNamedWhetherAs401OrAsAnAuthenticationError() {
        record("GET /slurm/v0.0.41/nodes/", "error-bad-token.json");
        statuses.put("GET /slurm/v0.0.41/nodes/", 401);
        assertThatThrownBy(() -> api.nodes(connection)).isInstanceOfSatisfying(SlurmException.class,
                e -> assertThat(e.kind()).isEqualTo(SlurmException.Kind.CREDENTIALS));

        statuses.put("GET /slurm/v0.0.41/nodes/", 500);
        assertThatThrownBy(() -> api.nodes(connection)).isInstanceOfSatisfying(SlurmException.class,
                e -> assertThat(e.kind()).isEqualTo(SlurmException.Kind.CREDENTIALS));
    }

    @Test
    void aGatewayErrorPageIsUnreachableAndAnUnknownAnswerIsAProtocolError() {
        assertThatThrownBy(() -> api.nodes(connection)).as("no answer recorded: 404 with an unknown error")
                .isInstanceOfSatisfying(SlurmException.class, e -> assertThat(e.kind()).isEqualTo(SlurmException.Kind.REJECTED));

        record("GET /slurm/v0.0.41/nodes/", "README.md");
        statuses.put("GET /slurm/v0.0.41/nodes/", 502);
        assertThatThrownBy(() -> api.nodes(connection)).isInstanceOfSatisfying(SlurmException.class,
                e -> assertThat(e.kind()).isEqualTo(SlurmException.Kind.UNREACHABLE));

        statuses.put("GET /slurm/v0.0.41/nodes/", 200);
        assertThatThrownBy(() -> api.nodes(connection)).isInstanceOfSatisfying(SlurmException.class,
                e -> assertThat(e.kind()).isEqualTo(SlurmException.Kind.PROTOCOL));
    }
}
