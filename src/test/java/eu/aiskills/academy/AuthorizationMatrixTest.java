package eu.aiskills.academy;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import eu.aiskills.academy.testsupport.AcademyTest;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public operation of every service, called by every role and by nobody signed in, against
 * the table in {@code src/test/resources/authorization-matrix.tsv} (one line per operation: who
 * may call it). The call goes through the service's security proxy with arguments that name
 * somebody else's things (fresh ids): a refusal (access denied, or not signed in) is "denied",
 * whether method security or the operation's own check on whose thing it is refuses; anything else
 * (a result, "not found", the operation failing on its made-up arguments) is "allowed". A change to who may call what therefore fails here until
 * the table says so too: {@code target/authorization-matrix.tsv} is the table as found, to compare
 * or copy over after review.
 *
 * <p>Its own Spring context (a property only it sets): operations allowed with empty arguments may
 * do their work (culling, expiring), which must not touch other tests' data.
 */
@AcademyTest
@TestPropertySource(properties = "academy.test.context=authorization-matrix")
class AuthorizationMatrixTest {

    /** Callers, in the table's column order; ANONYMOUS is nobody signed in. */
    static final List<String> CALLERS = List.of("ANONYMOUS", "STUDENT", "FELLOW", "INSTRUCTOR", "EMPLOYER", "REVIEWER",
            "FACTORY_OPERATOR", "ADMIN", "SYSTEM");
    private static final Path TABLE = Path.of("src/test/resources/authorization-matrix.tsv");

    @Autowired
    ApplicationContext context;
    private Map<String, org.springframework.security.core.Authentication> signedIn;

    @Test
    void everyServiceOperationAllowsExactlyTheCallersTheTableNames() throws Exception {
        // A real account for each role, signed in as the real sign-in does; the platform acts as SystemActor does.
        var registration = context.getBean(eu.aiskills.academy.identity.Registration.class);
        var users = context.getBean(org.springframework.security.core.userdetails.UserDetailsService.class);
        Map<String, org.springframework.security.core.Authentication> signedIn = new LinkedHashMap<>();
        for (String caller : CALLERS) {
            if (caller.equals("ANONYMOUS") || caller.equals("SYSTEM")) {
                continue;
            }
            String email = "matrix-" + caller.toLowerCase().replace('_', '-') + "@example.org";
            eu.aiskills.academy.identity.SystemActor.call(() -> registration.createAccount(eu.aiskills.academy.identity.NewAccount.of(email,
                    "Matrix " + caller, "Tram-Gravel-Orbit-7", java.util.EnumSet.of(eu.aiskills.academy.identity.Role.valueOf(caller)), null)));
            var user = users.loadUserByUsername(email);
            signedIn.put(caller, UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        }
        this.signedIn = signedIn;
        Map<String, String> found = new TreeMap<>();
        ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (Object bean : context.getBeansWithAnnotation(Service.class).values()) {
                Class<?> type = AopUtils.getTargetClass(bean);
                if (!type.getPackageName().startsWith("eu.aiskills.academy")) {
                    continue;
                }
                for (Method method : operations(type)) {
                    List<String> allowed = new ArrayList<>();
                    for (String caller : CALLERS) {
                        if (allowed(calls, bean, method, caller, signedIn.get(caller))) {
                            allowed.add(caller);
                        }
                    }
                    found.put(type.getSimpleName() + "#" + method.getName() + "(" + Arrays.stream(method.getParameterTypes())
                            .map(Class::getSimpleName).collect(Collectors.joining(",")) + ")", describe(allowed));
                }
            }
        } finally {
            calls.shutdownNow();
        }
        String table = "# operation\twho may call it (" + String.join(", ", CALLERS) + "; 'anyone', 'signed-in', 'people' (signed in, not the platform) for short)\n"
                + found.entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue()).collect(Collectors.joining("\n")) + "\n";
        Files.writeString(Path.of("target/authorization-matrix.tsv"), table, StandardCharsets.UTF_8);

        Map<String, String> expected = expected();
        assertThat(found.keySet()).as("operations without a line in %s (or lines for operations that no longer exist)", TABLE)
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        List<String> differences = new ArrayList<>();
        expected.forEach((operation, who) -> {
            if (!who.equals(found.get(operation))) {
                differences.add(operation + ": table says " + who + ", the code allows " + found.get(operation));
            }
        });
        assertThat(differences).as("operations whose callers differ from the table").isEmpty();
        assertThat(found).as("nothing is open to anyone unless the table says so on purpose; system work is never open")
                .allSatisfy((operation, who) -> {
                    if (operation.matches(".*#(cull|endOrphans|expireDue|expire|refreshVerified|recordLabScore|notify)\\(.*")) {
                        assertThat(who).doesNotContain("ANONYMOUS").isNotEqualTo("anyone").isNotEqualTo("signed-in");
                    }
                });
    }

    private static List<Method> operations(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()
                        && !m.isBridge())
                .sorted(Comparator.comparing(Method::getName).thenComparing(m -> Arrays.toString(m.getParameterTypes())))
                .toList();
    }

    /** Calls the operation through its proxy as {@code caller}; false only when method security refuses. */
    private static boolean allowed(ExecutorService calls, Object bean, Method method, String caller,
                                   org.springframework.security.core.Authentication authentication) throws Exception {
        Future<Boolean> call = calls.submit(() -> {
            if (authentication != null) {
                SecurityContextHolder.getContext().setAuthentication(authentication);
            }
            try {
                Object[] arguments = emptyArguments(method);
                if (caller.equals("SYSTEM")) {
                    eu.aiskills.academy.identity.SystemActor.call(() -> {
                        try {
                            return method.invoke(bean, arguments);
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException(e);
                        } catch (InvocationTargetException e) {
                            throw new Wrapped(e);
                        }
                    });
                } else {
                    method.invoke(bean, arguments);
                }
                return true;
            } catch (Wrapped wrapped) {
                Throwable cause = wrapped.getCause().getCause();
                return !(cause instanceof AccessDeniedException || cause instanceof AuthenticationCredentialsNotFoundException);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                // Not signed in, or refused; a wrong password (another AuthenticationException) is past the gate.
                return !(cause instanceof AccessDeniedException || cause instanceof AuthenticationCredentialsNotFoundException);
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        try {
            return call.get(20, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            // Still running: it got past the check.
            return true;
        }
    }

    /**
     * Arguments that name somebody else's things: a fresh UUID (bare or in an id record), a word;
     * null for anything else. So checks on whose thing it is run as well, and refuse where they should.
     */
    /** Carries an operation's failure out of {@link eu.aiskills.academy.identity.SystemActor#call}. */
    private static final class Wrapped extends RuntimeException {
        Wrapped(InvocationTargetException cause) {
            super(cause);
        }
    }

    private static Object[] emptyArguments(Method method) {
        return Arrays.stream(method.getParameterTypes()).map(type -> {
            if (type == java.util.UUID.class) {
                return java.util.UUID.randomUUID();
            }
            if (type == String.class) {
                return "matrix";
            }
            if (type.isRecord() && type.getRecordComponents().length == 1
                    && type.getRecordComponents()[0].getType() == java.util.UUID.class) {
                try {
                    return type.getDeclaredConstructor(java.util.UUID.class).newInstance(java.util.UUID.randomUUID());
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
            if (!type.isPrimitive()) {
                return null;
            }
            if (type == boolean.class) {
                return false;
            }
            if (type == char.class) {
                return ' ';
            }
            if (type == long.class) {
                return 0L;
            }
            if (type == double.class) {
                return 0.0;
            }
            if (type == float.class) {
                return 0.0f;
            }
            if (type == short.class) {
                return (short) 0;
            }
            if (type == byte.class) {
                return (byte) 0;
            }
            return 0;
        }).toArray();
    }

    private static String describe(List<String> allowed) {
        if (allowed.size() == CALLERS.size()) {
            return "anyone";
        }
        if (allowed.size() == CALLERS.size() - 1 && !allowed.contains("ANONYMOUS")) {
            return "signed-in";
        }
        if (allowed.equals(CALLERS.subList(1, CALLERS.size() - 1))) {
            // Every person signed in, not the platform: operations on "my" things.
            return "people";
        }
        return allowed.isEmpty() ? "nobody" : String.join(", ", allowed);
    }

    private static Map<String, String> expected() throws IOException {
        Map<String, String> table = new LinkedHashMap<>();
        for (String line : Files.readAllLines(TABLE, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            table.put(cells[0], cells.length > 1 ? cells[1] : "");
        }
        return table;
    }
}
