package eu.aiskills.academy.search.internal;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** Lets a test outside the package load the (package-private) engine configuration on its own. */
@TestConfiguration(proxyBeanMethods = false)
@Import(SearchEngineConfiguration.class)
public class SearchEngineConfigurationAccess {
}
