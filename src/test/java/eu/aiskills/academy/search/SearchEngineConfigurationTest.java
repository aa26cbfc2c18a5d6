package eu.aiskills.academy.search;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aiskills.academy.testsupport.AcademyTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which search engine the application uses, and what it says when it has none. */
@AcademyTest
class SearchEngineConfigurationTest {

    @Autowired
    HealthEndpoint health;
    @Autowired
    ElasticsearchConnectionDetails connection;

    @Test
    void theEmbeddedEngineIsPartOfHealthAndListensOnLoopbackOnly() {
        assertThat(health.healthForPath("elasticsearch")).as("search is part of health").isNotNull()
                .satisfies(h -> assertThat(h.getStatus()).isEqualTo(Status.UP));
        assertThat(connection.getNodes()).singleElement().satisfies(node -> assertThat(node.hostname()).isEqualTo("127.0.0.1"));
    }

    @Test
    void withoutTheEmbeddedEngineInTheBuildStartUpNamesThePropertiesToSet() {
        new ApplicationContextRunner()
                .withClassLoader(new FilteredClassLoader("org.elasticsearch.node"))
                .withUserConfiguration(SearchEngineProbe.class)
                .withPropertyValues("academy.search.embedded=true", "academy.data-dir=target/test-data/probe")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("academy.search.embedded=false")
                            .hasMessageContaining("spring.elasticsearch.uris")
                            .hasMessageContaining("spring.elasticsearch.api-key");
                });
    }

    @Test
    void withAClusterConfiguredNoEmbeddedEngineStarts() {
        new ApplicationContextRunner()
                .withUserConfiguration(SearchEngineProbe.class)
                .withPropertyValues("academy.search.embedded=false", "academy.data-dir=target/test-data/probe")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean("embeddedSearchEngine");
                });
    }
}
