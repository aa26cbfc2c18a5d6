package eu.aiskills.academy.identity.internal;

import java.util.Map;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import eu.aiskills.academy.identity.ui.LoginView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.config.ObjectPostProcessor;

/**
 * Web and method security. Views declare who may open them ({@code @AnonymousAllowed},
 * {@code @PermitAll}, {@code @RolesAllowed}); services declare who may call them, with the
 * same annotations, checked by method security whatever the caller.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidcClients,
                                            OidcAccountLinking oidcAccountLinking, SignInOutcomes outcomes,
                                            SecondFactorStep secondFactor, ContentSecurityPolicy contentSecurityPolicy) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                .permitAll()
                .requestMatchers("/styles/**", "/images/**", "/icons/**", "/favicon.ico", "/robots.txt")
                .permitAll()
                .requestMatchers("/api/**").authenticated());
        // Routes are guarded by Vaadin's navigation access control (their annotations) and the data
        // behind them by method security. Paths that are no route reach Vaadin too, so that people
        // get its "page not found" view rather than a bare 403 or a sign-in page.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .loginView(LoginView.class)
                .anyRequest(url -> url.permitAll()));
        // A refused sign-in returns to the form with the address kept and its reason (locked, disabled, wrong).
        // A right password of an account with a second factor leads to the code, not yet in.
        // Set on the filter itself once built: Vaadin's configurer sets its own success handler while it configures.
        http.formLogin(form -> form.failureHandler(outcomes).withObjectPostProcessor(
                new ObjectPostProcessor<org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter>() {
                    @Override
                    public <O extends org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter> O postProcess(
                            O filter) {
                        filter.setAuthenticationSuccessHandler(secondFactor);
                        return filter;
                    }
                }));
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(oauth -> oauth
                    .loginPage("/" + LoginView.ROUTE)
                    .failureUrl("/" + LoginView.ROUTE + "?error=external")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcAccountLinking)));
        }
        http.headers(headers -> {
            // Written before the servlet writes anything: Vaadin may commit a response in ways
            // the lazy "on commit" writer misses, which left pages without these headers.
            headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                @Override
                public <O extends HeaderWriterFilter> O postProcess(O filter) {
                    filter.setShouldWriteHeadersEagerly(true);
                    return filter;
                }
            });
            // HSTS: Spring Security's default, written on HTTPS requests only (in production behind a
            // proxy, server.forward-headers-strategy makes the forwarded scheme count).
            headers
                .addHeaderWriter(contentSecurityPolicy)
                .frameOptions(frame -> frame.sameOrigin())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(policy -> policy.policy("camera=(), microphone=(), geolocation=(), payment=()"));
        });
        return http.build();
    }

    /**
     * Password sign-in. Only the lock is checked before the password (it holds for any address,
     * existing or not); that an account is disabled is said only to someone who gave its right
     * password, so that neither reveals which addresses have accounts.
     */
    @Bean
    org.springframework.security.authentication.dao.DaoAuthenticationProvider passwordSignIn(AccountUserDetailsService users,
                                                                                             PasswordEncoder passwordEncoder) {
        var provider = new org.springframework.security.authentication.dao.DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder);
        provider.setUserDetailsPasswordService(users);
        provider.setPreAuthenticationChecks(user -> {
            if (!user.isAccountNonLocked()) {
                throw new org.springframework.security.authentication.LockedException("Locked");
            }
        });
        provider.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new org.springframework.security.authentication.DisabledException("Disabled");
            }
            if (!user.isAccountNonExpired() || !user.isCredentialsNonExpired()) {
                throw new org.springframework.security.authentication.AccountExpiredException("Expired");
            }
        });
        return provider;
    }

    /**
     * Argon2id for new hashes (memory-hard, OWASP's first choice); bcrypt hashes are still
     * accepted and upgraded on the next sign-in.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        String current = "argon2";
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(current, Map.of(
                current, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
        return encoder;
    }
}
