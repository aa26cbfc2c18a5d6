package eu.aiskills.academy.search;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Search settings. With {@code embedded=true} (the single-machine default) the application starts
 * its own Elasticsearch node; otherwise it talks to the cluster named by Spring Boot's
 * {@code spring.elasticsearch.uris} (with {@code username}/{@code password} or {@code api-key},
 * and an SSL bundle for TLS).
 *
 * @param embedded         start the embedded engine (only in builds that contain it)
 * @param embeddedPort     HTTP port of the embedded engine on 127.0.0.1; 0 picks a free one
 * @param indexPrefix      prefix of every index and alias name, so that several installations can share a cluster
 * @param definitions        where the index definitions of {@code search/} are read from
 * @param retryInterval      how often indexing that failed (engine down) is retried
 * @param rebuildBatchSize   source records (courses, with their lessons) per bulk request during a rebuild
 * @param rebuildParallelism bulk requests in flight at once during a rebuild
 */
@ConfigurationProperties("academy.search")
@Validated
public record SearchProperties(
        @DefaultValue("true") boolean embedded,
        @DefaultValue("0") @Min(0) @Max(65535) int embeddedPort,
        @DefaultValue("academy") @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,40}",
                message = "academy.search.index-prefix must be lower-case letters, digits, '-' or '_'") String indexPrefix,
        @DefaultValue("classpath:/search/") @NotBlank String definitions,
        @DefaultValue("30s") @NotNull Duration retryInterval,
        @DefaultValue("500") @Min(1) @Max(10_000) int rebuildBatchSize,
        @DefaultValue("2") @Min(1) @Max(16) int rebuildParallelism) {

    /** The alias under which an index ({@code catalogue}, {@code candidates}...) of this installation is searched. */
    public String alias(String index) {
        return indexPrefix + "-" + index;
    }
}
