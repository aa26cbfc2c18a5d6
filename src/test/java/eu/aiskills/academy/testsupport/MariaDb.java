package eu.aiskills.academy.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real MariaDB server for the tests: Debian's {@code mariadbd}, started once per test JVM in
 * a private data directory under {@code target/}, on a free loopback port, and removed at exit.
 * Each test context gets its own empty database. With {@code ACADEMY_TEST_MYSQL_URL} (plus
 * {@code _USER} and {@code _PASSWORD}) the tests use that server instead, for example a MySQL 8.4.
 */
public final class MariaDb {

    private static final String USER = "academy_test";
    private static final String PASSWORD = "academy-test-only";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static MariaDb instance;

    private final String baseUrl;
    private final String user;
    private final String password;
    private Process process;
    private final Path dataDir;
    /** How the server was started, to start it again ({@link #restart}). */
    private List<String> command;

    private MariaDb(String baseUrl, String user, String password, Process process, Path dataDir) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
        this.process = process;
        this.dataDir = dataDir;
    }

    /** A server of its own, for a test that stops and restarts it; stopped at exit. */
    public static MariaDb startPrivate() {
        return start();
    }

    /**
     * Stops the server as a crash would not (a clean shutdown, as an operator's restart does),
     * runs {@code whileDown}, then starts it again on the same port with the same data.
     */
    public synchronized void restart(Runnable whileDown) {
        if (process == null) {
            throw new IllegalStateException("An external server cannot be restarted by the tests");
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        whileDown.run();
        try {
            process = new ProcessBuilder(command).directory(dataDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("stdout.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start MariaDB again", e);
        }
        awaitReady(Duration.ofSeconds(60));
    }

    /** Points a Spring context at a fresh database on this server. */
    public void registerOn(org.springframework.test.context.DynamicPropertyRegistry registry) {
        String url = newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", this::user);
        registry.add("spring.datasource.password", this::password);
    }

    public static synchronized MariaDb get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** Points the Spring context under test at a fresh database on the shared server. */
    public static void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
        get().registerOn(registry);
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A JDBC URL to a new, empty database on the server. */
    public String newDatabase() {
        String name = "academy_t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(url(""), user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return url(name);
    }

    private String url(String database) {
        return baseUrl + database + "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&allowPublicKeyRetrieval=true&useSSL=false";
    }

    private static MariaDb start() {
        String external = System.getenv("ACADEMY_TEST_MYSQL_URL");
        if (external != null && !external.isBlank()) {
            String base = external.endsWith("/") ? external : external + "/";
            return new MariaDb(base, env("ACADEMY_TEST_MYSQL_USER", "root"), env("ACADEMY_TEST_MYSQL_PASSWORD", ""), null, null);
        }
        Path server = find("mariadbd", "/usr/sbin/mariadbd", "/usr/bin/mariadbd", "/usr/sbin/mysqld");
        Path installer = find("mariadb-install-db", "/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db");
        try {
            Path target = Path.of("target").toAbsolutePath();
            Files.createDirectories(target);
            Path dir = Files.createTempDirectory(target, "mariadb-");
            Path data = dir.resolve("data");
            boolean root = "root".equals(System.getProperty("user.name"));
            String osUser = root ? "root" : System.getProperty("user.name");
            run(List.of(installer.toString(), "--no-defaults", "--datadir=" + data, "--user=" + osUser,
                    "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve"), dir, "install");
            Path init = dir.resolve("init.sql");
            Files.writeString(init, """
                    CREATE USER IF NOT EXISTS '%s'@'127.0.0.1' IDENTIFIED BY '%s';
                    GRANT ALL PRIVILEGES ON *.* TO '%s'@'127.0.0.1';
                    """.formatted(USER, PASSWORD, USER), StandardCharsets.UTF_8);
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(server.toString(), "--no-defaults",
                    "--datadir=" + data, "--socket=" + dir.resolve("mysqld.sock"), "--pid-file=" + dir.resolve("mysqld.pid"),
                    "--port=" + port, "--bind-address=127.0.0.1", "--skip-name-resolve", "--init-file=" + init,
                    "--log-error=" + dir.resolve("error.log"), "--character-set-server=utf8mb4",
                    "--collation-server=utf8mb4_unicode_ci", "--innodb-buffer-pool-size=128M",
                    "--innodb-flush-log-at-trx-commit=2", "--skip-log-bin", "--max-connections=300"));
            command.add("--user=" + osUser);
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
            MariaDb db = new MariaDb("jdbc:mysql://127.0.0.1:" + port + "/", USER, PASSWORD, process, dir);
            db.command = List.copyOf(command);
            Runtime.getRuntime().addShutdownHook(new Thread(db::stop, "mariadb-stop"));
            db.awaitReady(Duration.ofSeconds(60));
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start MariaDB for the tests", e);
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("MariaDB exited at start-up; see " + dataDir.resolve("error.log"));
            }
            try (Connection ignored = DriverManager.getConnection(url(""), user, password)) {
                return;
            } catch (SQLException e) {
                last = e;
                sleep(200);
            }
        }
        throw new IllegalStateException("MariaDB did not accept connections within " + timeout
                + "; see " + dataDir.resolve("error.log"), last);
    }

    private synchronized void stop() {
        if (process == null) {
            return;
        }
        // Shutdown hooks run at the same time: let the Spring contexts close first (they still
        // write to the database, e.g. the event publication registry), or they wait for a server
        // that is gone and the test JVM overstays its exit.
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("SpringApplicationShutdownHook"))
                .forEach(t -> {
                    try {
                        t.join(Duration.ofSeconds(20));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteQuietly(dataDir);
    }

    private static Path find(String name, String... candidates) {
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        throw new IllegalStateException(name + " was not found. The tests need a MariaDB server: run `./academy test`, "
                + "which installs Debian's mariadb-server, or install it yourself (apt-get install mariadb-server), "
                + "or point ACADEMY_TEST_MYSQL_URL at a MySQL 8.4 / MariaDB 10.11+ server.");
    }

    private static void run(List<String> command, Path dir, String what) throws IOException {
        Path log = dir.resolve(what + ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("MariaDB " + what + " failed: " + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Best effort: target/ is wiped by the next clean build anyway.
        }
    }
}
