package eu.aiskills.academy.search;

import eu.aiskills.academy.search.internal.SearchEngineConfigurationAccess;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** Just the search engine configuration, for context-runner tests of how it chooses an engine. */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
@Import(SearchEngineConfigurationAccess.class)
class SearchEngineProbe {
}
