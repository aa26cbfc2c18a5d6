package eu.aiskills.academy.compute.internal.slurm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code slurmrestd} API v0.0.38 (Slurm 21.08–23.02; what Debian 12's Slurm 22.05 serves). Numbers are
 * plain JSON numbers (0 when unset), the job environment is an object, GPUs are asked for as
 * {@code gres}, job and node states are single strings.
 */
public final class SlurmV0038 extends VersionedSlurmApi {

    public SlurmV0038(SlurmHttp http) {
        super(http, "/slurm/v0.0.38", "/jobs");
    }

    @Override
    public String version() {
        return "v0.0.38";
    }

    @Override
    public String submit(SlurmConnection connection, SlurmJobSubmission job) {
        ObjectNode body = SlurmHttp.JSON.createObjectNode();
        body.put("script", job.script());
        ObjectNode desc = body.putObject("job");
        desc.put("name", job.name());
        desc.put("partition", job.partition());
        desc.put("time_limit", job.timeLimitMinutes());
        if (job.gpus() > 0) {
            desc.put("gres", "gpu:" + job.gpus());
        }
        if (job.account() != null) {
            desc.put("account", job.account());
        }
        if (job.reservation() != null) {
            desc.put("reservation", job.reservation());
        }
        if (job.memoryPerNodeMb() > 0) {
            desc.put("memory_per_node", job.memoryPerNodeMb());
        }
        desc.put("current_working_directory", job.workingDirectory());
        if (job.standardOutput() != null) {
            desc.put("standard_output", job.standardOutput());
        }
        ObjectNode environment = desc.putObject("environment");
        SlurmJobSubmission.withPath(job.environment()).forEach(environment::put);
        JsonNode answer = http.post(connection, path("/job/submit"), body);
        JsonNode id = answer.path("job_id");
        if (!id.isNumber()) {
            throw new SlurmException(SlurmException.Kind.PROTOCOL, "The submission answer carries no job_id");
        }
        return id.asString();
    }

    @Override
    public List<SlurmNode> nodes(SlurmConnection connection) {
        List<SlurmNode> nodes = new ArrayList<>();
        for (JsonNode node : http.get(connection, path("/nodes")).path("nodes")) {
            Set<String> states = new LinkedHashSet<>();
            // "idle", "mixed", "allocated", "down", sometimes joined with '+' ("idle+drain").
            for (String part : node.path("state").asString("unknown").toLowerCase(Locale.ROOT).split("\\+")) {
                states.add(part);
            }
            for (JsonNode flag : node.path("state_flags")) {
                states.add(flag.asString("").toLowerCase(Locale.ROOT));
            }
            List<String> partitions = new ArrayList<>();
            node.path("partitions").forEach(p -> partitions.add(p.asString("")));
            nodes.add(new SlurmNode(node.path("name").asString(""), states, partitions,
                    Gres.gpus(node.path("gres").asString("")), Gres.gpus(node.path("gres_used").asString(""))));
        }
        return nodes;
    }

    @Override
    protected SlurmJobStatus status(JsonNode job) {
        long start = job.path("start_time").asLong(0);
        long end = job.path("end_time").asLong(0);
        // The wait status of the batch script: exit status in the high byte, signal in the low bits.
        int wait = job.path("exit_code").asInt(0);
        String state = job.path("job_state").asString("UNKNOWN").toUpperCase(Locale.ROOT);
        return new SlurmJobStatus(job.path("job_id").asString(""), job.path("name").asString(""), state,
                reason(job.path("state_reason").asString("")), start > 0 ? Instant.ofEpochSecond(start) : null,
                end > 0 ? Instant.ofEpochSecond(end) : null, (wait >> 8) & 0xff, wait & 0x7f, job.path("nodes").asString(""), job.path("comment").asString(""));
    }
}
