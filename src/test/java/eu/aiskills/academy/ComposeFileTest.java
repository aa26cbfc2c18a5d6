package eu.aiskills.academy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * docker/compose.yaml is valid for Debian's docker-compose (no Docker engine runs here) and
 * has no built-in secrets: without them it refuses to render.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("docker/compose.yaml");

    @Test
    void validatesWithSecretsFromTheEnvironment() throws Exception {
        Result result = compose(Map.of("MYSQL_PASSWORD", "a", "MYSQL_ROOT_PASSWORD", "b", "ELASTIC_PASSWORD", "c",
                "ACADEMY_PUBLIC_URL", "https://academy.example.eu", "ACADEMY_CREDENTIAL_KEYS_FILE", "/tmp/keys.json"), "config");
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("image: mysql:8.4", "elasticsearch/elasticsearch:9.",
                "SPRING_PROFILES_ACTIVE: mysql,prod", "condition: service_healthy", "/run/secrets/credential_keys");
    }

    @Test
    void refusesToRenderWithoutSecrets() throws Exception {
        Result result = compose(Map.of(), "config", "-q");
        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("set MYSQL_PASSWORD");
    }

    @Test
    void theImageBuildsTheProductionProfileAndRunsUnprivileged() throws IOException {
        String dockerfile = Files.readString(Path.of("docker/Dockerfile"));
        assertThat(dockerfile).contains("-Pproduction", "USER academy", "SPRING_PROFILES_ACTIVE=mysql,prod");
    }

    private record Result(int exit, String output) {
    }

    private static Result compose(Map<String, String> env, String... args) throws Exception {
        Path binary = Path.of("/usr/bin/docker-compose");
        assertThat(binary).as("Debian's docker-compose (./academy test installs it)").isExecutable();
        ProcessBuilder builder = new ProcessBuilder(concat(binary.toString(), "-f", COMPOSE.toString(), args))
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("MYSQL_") || k.startsWith("ELASTIC_") || k.startsWith("ACADEMY_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static List<String> concat(String first, String flag, String file, String... rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first, flag, file));
        all.addAll(List.of(rest));
        return all;
    }
}
