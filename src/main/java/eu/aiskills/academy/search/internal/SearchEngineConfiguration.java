package eu.aiskills.academy.search.internal;

import java.nio.file.Path;
import java.util.List;

import eu.aiskills.academy.search.SearchProperties;
import eu.aiskills.academy.search.internal.embedded.EmbeddedSearchEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which Elasticsearch the application talks to. Embedded: a node started here, and Spring Boot's
 * client pointed at it through {@link ElasticsearchConnectionDetails}. Otherwise Boot's
 * {@code spring.elasticsearch.*} properties name the cluster.
 */
@Configuration(proxyBeanMethods = false)
class SearchEngineConfiguration {

    static final String EMBEDDED_CLASS = "org.elasticsearch.node.Node";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "academy.search.embedded", havingValue = "true", matchIfMissing = true)
    @ConditionalOnClass(name = EMBEDDED_CLASS)
    static class Embedded {

        @Bean(destroyMethod = "close")
        EmbeddedSearchEngine embeddedSearchEngine(SearchProperties properties,
                                                  @Value("${academy.data-dir}") String dataDir) {
            Path base = Path.of(dataDir).toAbsolutePath().resolve("search");
            return EmbeddedSearchEngine.start(base.resolve("home"), base.resolve("data"), properties.embeddedPort());
        }

        @Bean
        ElasticsearchConnectionDetails embeddedConnectionDetails(EmbeddedSearchEngine engine) {
            return () -> List.of(new ElasticsearchConnectionDetails.Node("127.0.0.1", engine.httpPort(),
                    ElasticsearchConnectionDetails.Node.Protocol.HTTP));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "academy.search.embedded", havingValue = "true", matchIfMissing = true)
    @ConditionalOnMissingClass(EMBEDDED_CLASS)
    static class EmbeddedMissing {

        EmbeddedMissing() {
            throw new IllegalStateException("""
                    academy.search.embedded is true, but this build has no embedded search engine (it is never in \
                    the production jar). Point the application at your Elasticsearch 9 cluster instead: set \
                    academy.search.embedded=false and spring.elasticsearch.uris (for example https://search.example.eu:9200), \
                    with spring.elasticsearch.api-key or spring.elasticsearch.username and spring.elasticsearch.password, \
                    and spring.elasticsearch.restclient.ssl.bundle for a private certificate authority.""");
        }
    }
}
