package eu.aiskills.academy.search.internal.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.EmbeddedNode;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.node.NodeValidationException;
import org.elasticsearch.transport.netty4.Netty4Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Elasticsearch, started inside the application from the server artifacts on
 * Maven Central, for the single-machine run and the tests. It listens on loopback only and keeps
 * its data where it is told, so a restart keeps the index. Production talks to a cluster instead;
 * these classes are then not on the class path and this type is never loaded.
 */
public final class EmbeddedSearchEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSearchEngine.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final Path home;
    private final Path data;
    private final int httpPort;
    private Node node;

    private EmbeddedSearchEngine(Path home, Path data, int httpPort) {
        this.home = home;
        this.data = data;
        this.httpPort = httpPort;
    }

    /**
     * Starts a node with its home under {@code home} and its index data under {@code data}, HTTP
     * on {@code httpPort} (0 chooses a free port).
     */
    public static EmbeddedSearchEngine start(Path home, Path data, int httpPort) {
        try {
            EmbeddedSearchEngine engine = new EmbeddedSearchEngine(home, data, httpPort == 0 ? freePort() : httpPort);
            engine.start();
            return engine;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port for the embedded search engine", e);
        }
    }

    /** Starts the node (again, after {@link #stop()}) on the same port with the same data. */
    public synchronized void start() {
        if (node != null) {
            return;
        }
        long started = System.nanoTime();
        installLogging();
        int port = httpPort;
        try {
            for (String dir : List.of("config", "modules", "plugins", "logs")) {
                Files.createDirectories(home.resolve(dir));
            }
            Files.createDirectories(data);
            Settings settings = Settings.builder()
                    .put("path.home", home.toString())
                    .put("path.data", data.toString())
                    .put("path.logs", home.resolve("logs").toString())
                    .put("cluster.name", "academy-embedded")
                    .put("node.name", "academy-embedded")
                    .put("discovery.type", "single-node")
                    .put("network.host", LOOPBACK)
                    .put("http.port", port)
                    .put("transport.port", freePort())
                    .put("http.type", Netty4Plugin.NETTY_HTTP_TRANSPORT_NAME)
                    .put("transport.type", Netty4Plugin.NETTY_TRANSPORT_NAME)
                    .put("cluster.routing.allocation.disk.threshold_enabled", false)
                    .put("action.auto_create_index", false)
                    // Shares the application's heap: write segments in steps, not 10 % of a large heap at once.
                    .put("indices.memory.index_buffer_size", "128mb")
                    // Bulk bodies read whole, not streamed: the streaming path (new in 9.x) stopped reading a
                    // rebuild's bulk request halfway in one benchmark run and never answered it
                    // (docs/decisions/0008-search-engine.md).
                    .put("rest.incremental_bulk", false)
                    .build();
            Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), home.resolve("config"),
                    () -> "academy-embedded");
            Node created = new EmbeddedNode(environment,
                    List.of(Netty4Plugin.class, RootEndpointPlugin.class, LanguageAnalysisPlugin.class));
            created.start();
            node = created;
            awaitReady(port, Duration.ofSeconds(60));
            log.info("Embedded Elasticsearch started on http://{}:{} with data in {} ({} ms)", LOOPBACK, port, data,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the embedded search engine's directories under " + home, e);
        } catch (NodeValidationException e) {
            throw new IllegalStateException("The embedded search engine did not start: " + e.getMessage(), e);
        }
    }

    private static boolean loggingInstalled;

    /** Elasticsearch's own logging facade, routed through Log4j's API to the application's SLF4J/Logback. */
    private static synchronized void installLogging() {
        if (!loggingInstalled) {
            LogConfigurator.configureESLogging();
            loggingInstalled = true;
        }
    }

    public int httpPort() {
        return httpPort;
    }

    public String uri() {
        return "http://" + LOOPBACK + ":" + httpPort;
    }

    /** Stops the node; its data stays for the next {@link #start()}. */
    public synchronized void stop() {
        if (node == null) {
            return;
        }
        try {
            node.close();
            if (!node.awaitClose(30, TimeUnit.SECONDS)) {
                log.warn("Embedded Elasticsearch did not finish closing within 30 s");
            }
        } catch (IOException e) {
            log.warn("Closing the embedded search engine failed: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            node = null;
        }
    }

    /** Waits until the node has recovered its cluster state and its indices are available. */
    private static void awaitReady(int port, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(
                        URI.create("http://" + LOOPBACK + ":" + port + "/_cluster/health?wait_for_status=yellow&timeout=5s"))
                .timeout(Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && !response.body().contains("\"timed_out\":true")) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the embedded search engine", e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the embedded search engine", e);
            }
        }
        throw new IllegalStateException("The embedded search engine did not become ready within " + timeout + ": " + last);
    }

    public synchronized boolean running() {
        return node != null;
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
