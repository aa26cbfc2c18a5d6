package eu.aiskills.academy.identity;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Vaadin's security context strategy, with one addition: while {@link SystemActor} runs work as
 * the platform, that is the context every check sees. Vaadin's own strategy prefers the signed-in
 * person's session over anything set on the thread, so without this the platform's role would
 * be ignored in every request a person's browser makes (a download, a view that reads what only
 * the platform may read). Spring Security and Vaadin both use the strategy this bean provides.
 */
@Configuration(proxyBeanMethods = false)
class SystemActorAwareStrategy {

    @Bean
    SecurityContextHolderStrategy securityContextHolderStrategy() {
        SecurityContextHolderStrategy strategy = new Strategy(new VaadinAwareSecurityContextHolderStrategy());
        SecurityContextHolder.setContextHolderStrategy(strategy);
        return strategy;
    }

    private record Strategy(SecurityContextHolderStrategy vaadin) implements SecurityContextHolderStrategy {

        @Override
        public void clearContext() {
            vaadin.clearContext();
        }

        @Override
        public SecurityContext getContext() {
            SecurityContext platform = SystemActor.current();
            return platform != null ? platform : vaadin.getContext();
        }

        @Override
        public void setContext(SecurityContext context) {
            vaadin.setContext(context);
        }

        @Override
        public SecurityContext createEmptyContext() {
            return vaadin.createEmptyContext();
        }
    }
}
