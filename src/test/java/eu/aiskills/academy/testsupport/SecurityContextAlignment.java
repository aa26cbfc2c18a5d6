package eu.aiskills.academy.testsupport;

import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * In production there is one Spring context, and Vaadin makes its session-aware
 * {@link SecurityContextHolderStrategy} the static one. The test JVM caches several contexts,
 * each with its own strategy, while the static holder points at the last one started. Before
 * each test the static holder is pointed at the strategy of the test's own context, so that
 * what a test signs in is what that context's method security sees. After each test whoever it
 * signed in is signed out again, for every Spring test (registered in {@code META-INF/spring.factories}):
 * no test class needs its own {@code @AfterEach} for it.
 */
public class SecurityContextAlignment implements TestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        ApplicationContext context = testContext.getApplicationContext();
        context.getBeanProvider(SecurityContextHolderStrategy.class).ifUnique(SecurityContextHolder::setContextHolderStrategy);
        SecurityContextHolder.clearContext();
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        SecurityContextHolder.clearContext();
    }
}
