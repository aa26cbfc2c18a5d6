package eu.aiskills.academy.testsupport;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import com.github.mvysny.fakeservlet.FakeHttpSession;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockRouteNotFoundError;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Browser-less Vaadin UI on the real Spring context. Karibu's fake request is given the
 * signed-in person from Spring Security's context (the job of Spring Security's servlet filter
 * in a real container), so that Vaadin's view access control sees who is signed in.
 */
public final class KaribuSupport {

    private static final Routes ROUTES = routes();

    private KaribuSupport() {
    }

    public static void setUp(ApplicationContext context, Locale locale) {
        MockVaadin.setMockRequestFactory(session -> new SecurityAwareRequest(session, locale));
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
        // A browser's Accept-Language decides the first locale; Karibu's session does not negotiate it.
        com.vaadin.flow.server.VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().refreshCurrentRoute(true);
    }

    /**
     * The platform's routes, layouts and error views, package-private ones included (ADR 0019: views
     * are package-private). Karibu's own discovery sees public classes only; the application's, Spring's
     * component scan, sees them all.
     */
    private static Routes routes() {
        Routes routes = new Routes().autoDiscoverViews("eu.aiskills.academy");
        try (ScanResult scan = new ClassGraph().enableClassInfo().enableAnnotationInfo().ignoreClassVisibility()
                .acceptPackages("eu.aiskills.academy").scan()) {
            scan.getClassesWithAnnotation(Route.class.getName()).loadClasses(Component.class).forEach(routes.getRoutes()::add);
            scan.getClassesWithAnnotation(Layout.class.getName()).loadClasses(Component.class).forEach(routes.getRoutes()::add);
            for (ClassInfo error : scan.getClassesImplementing(HasErrorParameter.class.getName())) {
                if (!error.isAbstract() && !error.isInterface()) {
                    @SuppressWarnings("unchecked")
                    Class<? extends HasErrorParameter<?>> type = (Class<? extends HasErrorParameter<?>>) error.loadClass();
                    routes.getErrorRoutes().add(type);
                    if (handles(type, NotFoundException.class)) {
                        // Karibu stands in for a missing "not found" view; the platform has its own.
                        routes.getErrorRoutes().remove(MockRouteNotFoundError.class);
                    }
                }
            }
        }
        return routes;
    }

    private static boolean handles(Class<?> view, Class<? extends Exception> exception) {
        return java.util.Arrays.stream(view.getGenericInterfaces())
                .anyMatch(i -> i instanceof java.lang.reflect.ParameterizedType p && p.getRawType() == HasErrorParameter.class
                        && p.getActualTypeArguments()[0] == exception);
    }

    public static void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Signs in as the account with this email, as the real sign-in would (same user details, same authorities). */
    public static void signIn(ApplicationContext context, String email) {
        var user = context.getBean(UserDetailsService.class).loadUserByUsername(email);
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(authentication);
    }

    /**
     * The view the UI shows now, which must be the one with this simple class name: how a test in
     * another package checks where a navigation led, as views are package-private (ADR 0019).
     */
    public static com.vaadin.flow.component.Component currentView(String simpleName) {
        var chain = com.vaadin.flow.component.UI.getCurrent().getInternals().getActiveRouterTargetsChain();
        com.vaadin.flow.component.Component view = (com.vaadin.flow.component.Component) chain.getFirst();
        org.assertj.core.api.Assertions.assertThat(org.springframework.util.ClassUtils.getUserClass(view).getSimpleName()).as("the view shown").isEqualTo(simpleName);
        return view;
    }

    /**
     * Runs {@code work} signed in as the account with this email, and signs out again; what it
     * throws comes out as it is (a checked exception wrapped in an {@link IllegalStateException}).
     */
    public static <T> T as(ApplicationContext context, String email, java.util.concurrent.Callable<T> work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        signIn(context, email);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            // Whoever was signed in before is again (nobody, mostly).
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    /** Enrols the account with this email in the first run of a published course, unless it already is. */
    public static void enrolledInFirstRun(ApplicationContext context, String email, String courseSlug) {
        as(context, email, () -> {
            var enrolments = context.getBean(eu.aiskills.academy.enrolment.Enrolments.class);
            var run = context.getBean(eu.aiskills.academy.catalogue.Catalogue.class).publishedCourse(courseSlug).orElseThrow().runs().getFirst();
            if (enrolments.mine().stream().noneMatch(e -> e.run().id().equals(run.id()))) {
                enrolments.enrol(run.id());
            }
            return null;
        });
    }

    /** Creates an account (as the platform) and returns its email. */
    public static String person(ApplicationContext context, String email, String name, eu.aiskills.academy.identity.Role role) {
        var registration = context.getBean(eu.aiskills.academy.identity.Registration.class);
        eu.aiskills.academy.identity.SystemActor.call(() -> registration.createAccount(eu.aiskills.academy.identity.NewAccount.of(email, name,
                "Tram-Gravel-Orbit-7", java.util.EnumSet.of(role), null)));
        return email;
    }

    public static void signInAs(String name, String... roles) {
        List<SimpleGrantedAuthority> authorities = java.util.Arrays.stream(roles)
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(name, null, authorities));
    }

    static final class SecurityAwareRequest extends FakeRequest {

        SecurityAwareRequest(FakeHttpSession session, Locale locale) {
            super(session);
            setLocaleInt(locale);
        }

        @Override
        public Principal getUserPrincipal() {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            return authentication != null && authentication.isAuthenticated() ? authentication : null;
        }

        @Override
        public boolean isUserInRole(String role) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            return authentication != null && authentication.getAuthorities().stream()
                    .anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
        }
    }
}
