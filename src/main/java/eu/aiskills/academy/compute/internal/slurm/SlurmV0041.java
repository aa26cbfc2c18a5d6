package eu.aiskills.academy.compute.internal.slurm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code slurmrestd} API v0.0.41 (Slurm 24.05 to 25.05, as current supercomputers run). Unlike
 * v0.0.38: numbers that may be unset or infinite are objects {@code {set, infinite, number}}, the
 * script and the environment (a list of {@code NAME=value}) belong to the job description, GPUs are
 * asked for as {@code tres_per_node: gres/gpu:N}, job and node states are lists of flags, and an
 * exit code is an object with the return code and the signal.
 */
public final class SlurmV0041 extends VersionedSlurmApi {

    /** Base job states; the rest of a job_state list are flags (COMPLETING, REQUEUED, ...). */
    private static final Set<String> BASE_STATES = Set.of("PENDING", "RUNNING", "SUSPENDED", "COMPLETED", "CANCELLED",
            "FAILED", "TIMEOUT", "NODE_FAIL", "PREEMPTED", "BOOT_FAIL", "DEADLINE", "OUT_OF_MEMORY");

    public SlurmV0041(SlurmHttp http) {
        super(http, "/slurm/v0.0.41", "/jobs/");
    }

    @Override
    public String version() {
        return "v0.0.41";
    }

    @Override
    public String submit(SlurmConnection connection, SlurmJobSubmission job) {
        ObjectNode body = SlurmHttp.JSON.createObjectNode();
        ObjectNode desc = body.putObject("job");
        desc.put("script", job.script());
        desc.put("name", job.name());
        desc.put("partition", job.partition());
        number(desc.putObject("time_limit"), job.timeLimitMinutes());
        if (job.gpus() > 0) {
            desc.put("tres_per_node", "gres/gpu:" + job.gpus());
        }
        if (job.account() != null) {
            desc.put("account", job.account());
        }
        if (job.reservation() != null) {
            desc.put("reservation", job.reservation());
        }
        if (job.memoryPerNodeMb() > 0) {
            number(desc.putObject("memory_per_node"), job.memoryPerNodeMb());
        }
        desc.put("current_working_directory", job.workingDirectory());
        if (job.standardOutput() != null) {
            desc.put("standard_output", job.standardOutput());
        }
        ArrayNode environment = desc.putArray("environment");
        SlurmJobSubmission.withPath(job.environment()).entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> environment.add(e.getKey() + "=" + e.getValue()));
        JsonNode answer = http.post(connection, path("/job/submit"), body);
        JsonNode id = answer.path("job_id");
        if (!id.isNumber()) {
            id = answer.path("result").path("job_id");
        }
        if (!id.isNumber()) {
            throw new SlurmException(SlurmException.Kind.PROTOCOL, "The submission answer carries no job_id");
        }
        return id.asString();
    }

    @Override
    public List<SlurmNode> nodes(SlurmConnection connection) {
        List<SlurmNode> nodes = new ArrayList<>();
        for (JsonNode node : http.get(connection, path("/nodes/")).path("nodes")) {
            Set<String> states = new LinkedHashSet<>();
            node.path("state").forEach(s -> states.add(s.asString("").toLowerCase(Locale.ROOT)));
            if (states.isEmpty()) {
                states.add("unknown");
            }
            List<String> partitions = new ArrayList<>();
            node.path("partitions").forEach(p -> partitions.add(p.asString("")));
            nodes.add(new SlurmNode(node.path("name").asString(""), states, partitions,
                    Gres.gpus(node.path("gres").asString("")), Gres.gpus(node.path("gres_used").asString(""))));
        }
        return nodes;
    }

    private static void number(ObjectNode target, long value) {
        target.put("set", true);
        target.put("infinite", false);
        target.put("number", value);
    }

    /** An unset or infinite number reads as {@code null}. */
    private static Long number(JsonNode value) {
        if (value.isNumber()) {
            return value.asLong();
        }
        if (!value.path("set").asBoolean(false) || value.path("infinite").asBoolean(false)) {
            return null;
        }
        return value.path("number").asLong();
    }

    @Override
    protected SlurmJobStatus status(JsonNode job) {
        String state = "UNKNOWN";
        for (JsonNode s : job.path("job_state")) {
            String name = s.asString("").toUpperCase(Locale.ROOT);
            if (BASE_STATES.contains(name)) {
                state = name;
                break;
            }
        }
        Long start = number(job.path("start_time"));
        Long end = number(job.path("end_time"));
        JsonNode exit = job.path("exit_code");
        Long returnCode = number(exit.path("return_code"));
        Long signal = number(exit.path("signal").path("id"));
        return new SlurmJobStatus(job.path("job_id").asString(""), job.path("name").asString(""), state,
                reason(job.path("state_reason").asString("")),
                start != null && start > 0 ? Instant.ofEpochSecond(start) : null,
                end != null && end > 0 ? Instant.ofEpochSecond(end) : null,
                returnCode == null ? null : returnCode.intValue(), signal == null ? 0 : signal.intValue(),
                job.path("nodes").asString(""), job.path("comment").asString(""));
    }
}
