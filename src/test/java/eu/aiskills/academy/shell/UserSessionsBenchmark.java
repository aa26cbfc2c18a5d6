package eu.aiskills.academy.shell;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.search.SearchAdministration;
import eu.aiskills.academy.testsupport.BenchmarkReport;
import eu.aiskills.academy.testsupport.BenchmarkReport.Latencies;
import eu.aiskills.academy.testsupport.GeneratedCourses;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vaadin sessions as browsers make them, over HTTP only: the page, Vaadin's {@code v-r=init}
 * request that creates the UI, then server round-trips (the client's navigation events, each
 * answered with the changed view). Measures the server's heap per active session of the catalogue
 * search and of the notebook view, and the round-trip latency of 200 users browsing at once.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UserSessionsBenchmark {

    static final int USERS = Integer.getInteger("bench.users", 200);
    static final int LEARNERS = Integer.getInteger("bench.learners", 100);
    static final int COURSES = Integer.getInteger("bench.sessions.courses", 10_000);
    static final Duration LOAD = Duration.ofSeconds(Long.getLong("bench.sessions.seconds", 120));
    static final String LAB = "first-classifier";
    static final List<String> WORDS = List.of("transformer", "neuronale Netze", "apprentissage", "gradient descent",
            "federated learning", "Sprachmodelle", "Slurm", "reinforcement", "vision", "diffusion", "graph", "MLOps",
            "robotics", "privacy", "medical imaging");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    /** The last failed round-trip's answer, for the report of a failure. */
    private static volatile String failure;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SearchAdministration administration;
    @Autowired
    PasswordEncoder passwords;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void sessionsAndRoundTrips() throws Exception {
        GeneratedCourses.Loaded corpus = GeneratedCourses.insert(jdbc, COURSES, 2, 7);
        SystemActor.call(() -> administration.rebuild("catalogue", progress -> { }));
        List<String> learners = createLearners();

        // Warm-up: the views' classes, the JIT, the engine's caches.
        for (int i = 0; i < 20; i++) {
            User user = new User();
            user.open("search", "q=" + encode(WORDS.get(i % WORDS.size())));
            browse(user, corpus, 5);
        }
        User warmLearner = new User();
        warmLearner.signIn(learners.getLast());
        warmLearner.open("labs/" + LAB, "");

        // Heap in use after a full GC, measured after every fifth of the sessions is opened: the
        // slope of the line through those points is the heap one more session holds.
        long noise = Math.abs(heapAfterGc() - heapAfterGc());
        List<User> users = new ArrayList<>();
        double cataloguePerSession = slope(USERS, i -> {
            User user = new User();
            user.open("search", "q=" + encode(WORDS.get(i % WORDS.size())));
            user.navigate("search", "q=" + encode(WORDS.get((i + 3) % WORDS.size())) + "&level=" + GeneratedCourses.LEVELS[i % 3]);
            users.add(user);
        });
        List<User> notebooks = new ArrayList<>();
        double notebookPerSession = slope(LEARNERS, i -> {
            User learner = new User();
            learner.signIn(learners.get(i));
            learner.open("labs/" + LAB, "");
            notebooks.add(learner);
        });

        // 200 users at once: each waits 1 to 3 s (reading) between two actions, as people do.
        long beforeLoad = heapAfterGc();
        List<Long> roundTrips = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        long deadline = System.nanoTime() + LOAD.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (User user : users) {
            threads.add(Thread.ofVirtual().start(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                try {
                    Thread.sleep(random.nextLong(0, 3000));
                    while (System.nanoTime() < deadline) {
                        long took = user.navigate(randomAction(random, corpus));
                        if (took < 0) {
                            failures.incrementAndGet();
                        } else {
                            roundTrips.add(took);
                        }
                        Thread.sleep(random.nextLong(1000, 3000));
                    }
                } catch (Exception e) {
                    failure = e.toString();
                    failures.incrementAndGet();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        // Each round-trip replaced the user's view: what the replaced views left behind, per user.
        double leftPerUser = (heapAfterGc() - beforeLoad) / (double) USERS;
        Latencies latencies = Latencies.of(roundTrips);
        assertThat(failures.get()).as("round-trips that failed, the last: %s", failure).isZero();
        assertThat(notebooks).allSatisfy(learner -> assertThat(learner.lastResponse).contains("A first classifier"));

        BenchmarkReport.write("sessions", "Vaadin sessions: memory and 200 concurrent users", String.format(Locale.ROOT, """
                Browsers simulated over HTTP alone, as Vaadin's client talks to the server: the page, the
                `v-r=init` request that creates the UI, then UIDL round-trips (the client's navigation events,
                each answered with the changed view's state), on the embedded defaults (H2, embedded search
                engine) with %,d generated courses plus the demo content. Server, search engine and simulated
                browsers share one JVM and the machine's cores; Vaadin runs in development mode (the test class
                path), which keeps more per UI than production mode.

                **Memory per active session** (heap in use after a full GC, measured six times while the
                sessions open; the slope of the least-squares line through those points; two measurements
                without a change differed by %.0f KiB):

                | view | sessions | per session | target |
                | --- | --- | --- | --- |
                | catalogue search (`/search`, query and a facet, 20 results with highlights and facet counts) | %d | %.0f KiB | under 1 MB |
                | notebook (`/labs/%s`, signed-in learner, the editor with its cells; no kernel started) | %d | %.0f KiB | |

                **%d users at once** for %d s: each user, after 1 to 3 s of reading, searches (words, words
                and a facet), opens a course or returns to the catalogue, chosen at random; a round-trip is the
                time from sending the event to having read the answer.

                | round-trips | per second | p50 ms | p95 ms | p99 ms | max ms | failed |
                | --- | --- | --- | --- | --- | --- | --- |
                | %,d | %.1f | %.1f | %.1f | %.1f | %.1f | %d |

                Heap in use after a full GC grew by %.0f KiB per user over these %.0f round-trips per user
                (each replaced the user's view): views left behind would show here.
                """, COURSES, noise / 1024.0, USERS, cataloguePerSession / 1024, LAB, LEARNERS, notebookPerSession / 1024,
                USERS, LOAD.toSeconds(), latencies.count(), latencies.count() / (double) LOAD.toSeconds(), latencies.p50(),
                latencies.p95(), latencies.p99(), latencies.max(), failures.get(), leftPerUser / 1024,
                latencies.count() / (double) USERS));
        assertThat(cataloguePerSession).as("bytes per catalogue session").isLessThan(1024 * 1024);
    }

    private static String[] randomAction(ThreadLocalRandom random, GeneratedCourses.Loaded corpus) {
        String words = encode(WORDS.get(random.nextInt(WORDS.size())));
        return switch (random.nextInt(4)) {
            case 0 -> new String[]{"search", "q=" + words};
            case 1 -> new String[]{"search", "q=" + words + "&level=" + GeneratedCourses.LEVELS[random.nextInt(3)] + "&language=en"};
            case 2 -> new String[]{"courses/" + corpus.slugs().get(random.nextInt(corpus.slugs().size())), ""};
            default -> new String[]{"courses", ""};
        };
    }

    private static void browse(User user, GeneratedCourses.Loaded corpus, int actions) throws IOException, InterruptedException {
        for (int i = 0; i < actions; i++) {
            assertThat(user.navigate(randomAction(ThreadLocalRandom.current(), corpus))).isPositive();
        }
    }

    /** Opens {@code count} sessions; the least-squares slope of heap in use over sessions opened. */
    private static double slope(int count, SessionOpener open) throws Exception {
        List<double[]> points = new ArrayList<>();
        points.add(new double[]{0, heapAfterGc()});
        for (int i = 0; i < count; i++) {
            open.open(i);
            if ((i + 1) % (count / 5) == 0) {
                points.add(new double[]{i + 1, heapAfterGc()});
            }
        }
        double meanX = points.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double meanY = points.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double covariance = points.stream().mapToDouble(p -> (p[0] - meanX) * (p[1] - meanY)).sum();
        double variance = points.stream().mapToDouble(p -> (p[0] - meanX) * (p[0] - meanX)).sum();
        return covariance / variance;
    }

    @FunctionalInterface
    private interface SessionOpener {
        void open(int index) throws Exception;
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Learners sharing one password hash (hashing it for each would measure Argon2). */
    private List<String> createLearners() {
        List<String> emails = new ArrayList<>();
        String hash = passwords.encode("bench-only");
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i <= LEARNERS; i++) {
            String id = UUID.randomUUID().toString();
            String email = "session" + i + "@example.org";
            jdbc.update("INSERT INTO account (id, email, display_name, password_hash, preferred_locale, enabled, created_at, version)"
                    + " VALUES (?, ?, ?, ?, NULL, TRUE, ?, 0)", id, email, "Session Learner " + i, hash, now);
            jdbc.update("INSERT INTO account_role (account_id, role) VALUES (?, 'STUDENT')", id);
            emails.add(email);
        }
        return emails;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** One browser: its session cookie, its UI's security key and the message counters of Vaadin's protocol. */
    private final class User {

        private String session;
        private String securityKey;
        private int syncId;
        private int clientId;
        String lastResponse = "";

        void signIn(String email) throws IOException, InterruptedException {
            HttpResponse<String> page = send(HttpRequest.newBuilder(uri("login")).GET());
            Matcher csrf = CSRF.matcher(page.body());
            assertThat(csrf.find()).as("the sign-in page carries a CSRF token").isTrue();
            String form = "username=" + encode(email) + "&password=bench-only&_csrf=" + encode(csrf.group(1));
            HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(signedIn.headers().firstValue("Location").orElse("error")).as("signed in").doesNotContain("error").doesNotContain("login");
        }

        /** Loads the page and creates its UI, then navigates to the route as the client does. */
        void open(String route, String query) throws IOException, InterruptedException {
            send(HttpRequest.newBuilder(uri(route + (query.isEmpty() ? "" : "?" + query))).GET());
            HttpResponse<String> init = send(HttpRequest.newBuilder(uri("?v-r=init&location=" + encode(route) + "&query=" + encode(query))).GET());
            JsonNode uidl = JSON.readTree(init.body()).path("appConfig").path("uidl");
            securityKey = uidl.path("Vaadin-Security-Key").asString();
            syncId = uidl.path("syncId").asInt();
            clientId = 0;
            assertThat(navigate(route, query)).isPositive();
        }

        long navigate(String... routeAndQuery) throws IOException, InterruptedException {
            return navigate(routeAndQuery[0], routeAndQuery[1]);
        }

        /** One round-trip: the navigation event; nanoseconds, or -1 when the server answered with an error. */
        long navigate(String route, String query) throws IOException, InterruptedException {
            String body = JSON.writeValueAsString(Map.of("csrfToken", securityKey, "syncId", syncId, "clientId", clientId,
                    "rpc", List.of(Map.of("type", "event", "node", 1, "event", "ui-navigate", "data", Map.of(
                            "route", route, "query", query, "appShellTitle", "", "historyState", Map.of("idx", clientId),
                            "trigger", "")))));
            long started = System.nanoTime();
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("?v-r=uidl&v-uiId=0"))
                    .header("Content-Type", "application/json; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(body)));
            long took = System.nanoTime() - started;
            String text = response.body().startsWith("for(;;);") ? response.body().substring("for(;;);".length()) : response.body();
            JsonNode answer = JSON.readTree(text);
            answer = answer.isArray() ? answer.get(0) : answer;
            if (response.statusCode() != 200 || !answer.path("meta").path("appError").isMissingNode()
                    || answer.path("meta").path("sessionExpired").asBoolean(false) || !answer.has("syncId")) {
                failure = response.statusCode() + " " + text.substring(0, Math.min(500, text.length()));
                return -1;
            }
            syncId = answer.path("syncId").asInt();
            clientId = answer.path("clientId").asInt(clientId + 1);
            lastResponse = text;
            return took;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            if (session != null) {
                request.header("Cookie", "JSESSIONID=" + session);
            }
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                Matcher matcher = SESSION.matcher(cookie);
                if (matcher.find()) {
                    session = matcher.group(1);
                }
            }
            return response;
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + "/" + path);
        }
    }
}
