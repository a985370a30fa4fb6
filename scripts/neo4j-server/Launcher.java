/*
 * Minimal Neo4j 5.26 Community server for local development and CI.
 *
 * Started by scripts/neo4j (which resolves the jars from Maven Central via
 * scripts/neo4j-server/pom.xml, compiles this file once and runs it in the
 * background). It runs the embedded DBMS with only the Bolt connector open,
 * bound to 127.0.0.1, with authentication on.
 *
 * Usage: java ... Launcher --home DIR --port N [--pagecache 256m] [--setting name=value ...]
 *   --setting passes any other Neo4j setting (e.g. db.memory.transaction.total.max=64m).
 *   The password for user "neo4j" is read from the NEO4J_PASSWORD environment
 *   variable (never from argv, so it does not show up in `ps`).
 */

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.cli.ExecutionContext;
import org.neo4j.commandline.admin.security.SetInitialPasswordCommand;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;

import picocli.CommandLine;

public final class Launcher {

    public static void main(String[] args) throws Exception {
        Path home = null;
        int port = -1;
        String pageCache = "256m";
        Map<String, String> settings = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--pagecache" -> pageCache = args[++i];
                case "--setting" -> {
                    String[] pair = args[++i].split("=", 2);
                    if (pair.length != 2) {
                        fail("--setting needs name=value, not " + args[i]);
                    }
                    settings.put(pair[0].trim(), pair[1].trim());
                }
                default -> fail("unknown argument: " + args[i]);
            }
        }
        if (home == null || port <= 0) {
            fail("usage: Launcher --home DIR --port N [--pagecache SIZE]");
        }
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.isEmpty()) {
            fail("NEO4J_PASSWORD must be set");
        }

        Files.createDirectories(home);
        setInitialPassword(home, password);

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
        if (!settings.isEmpty()) {
            // The builder takes raw name=value settings only from a file: write them as one.
            Path conf = home.resolve("conf").resolve("launcher-settings.conf");
            Files.createDirectories(conf.getParent());
            StringBuilder lines = new StringBuilder();
            settings.forEach((name, value) -> lines.append(name).append('=').append(value).append('\n'));
            Files.writeString(conf, lines.toString());
            builder.loadPropertiesFromFile(conf);
        }
        DatabaseManagementService dbms = builder
                // Bolt only, loopback only: this is a dev/CI server, never expose it.
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // Embedded mode does not start Jetty anyway; say so explicitly
                // in case a future version changes the default.
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // Keep auth on so that code paths using credentials are exercised
                // exactly as against a production server.
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, parseSize(pageCache))
                // Internal setting (default 5 s, paid once per Bolt event-loop
                // group, i.e. ~10 s per stop): the graceful Netty quiet period
                // only matters for a busy production server; for dev/CI we
                // want `scripts/neo4j stop` to be quick.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();

        // SIGTERM / SIGINT / normal exit -> orderly shutdown (flushes the page
        // cache and checkpoints, so the store is never left needing recovery).
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[launcher] shutting down Neo4j");
            try {
                dbms.shutdown();
            } finally {
                stopped.countDown();
                System.out.println("[launcher] Neo4j stopped");
            }
        }, "neo4j-shutdown"));

        System.out.println("[launcher] Neo4j started, bolt://127.0.0.1:" + port
                + " (pid " + ProcessHandle.current().pid() + ")");
        // Neo4j's own threads are non-daemon, but block explicitly so the
        // process lifetime does not depend on that implementation detail.
        stopped.await();
    }

    /**
     * Same mechanism as `neo4j-admin dbms set-initial-password`: writes
     * data/dbms/auth.ini, which the system database consumes when it is
     * created. Because this happens before the DBMS (and Bolt) starts, there is
     * no window in which the default neo4j/neo4j credentials are accepted.
     * Only effective on a fresh data directory, which scripts/neo4j guarantees.
     */
    private static void setInitialPassword(Path home, String password) throws Exception {
        if (Files.exists(home.resolve("data").resolve("databases"))) {
            System.out.println("[launcher] existing store found, keeping its password");
            return;
        }
        try (var fs = new DefaultFileSystemAbstraction()) {
            var ctx = new ExecutionContext(home, home.resolve("conf"), System.out, System.err, fs);
            // "--": a password may begin with "-" (a generated one may), which would read as an option
            int rc = new CommandLine(new SetInitialPasswordCommand(ctx)).execute("--", password);
            if (rc != 0) {
                fail("setting the initial password failed (exit " + rc
                        + "); note Neo4j requires at least 8 characters");
            }
        }
    }

    /** Parses sizes like 256m, 1g, 512k or a plain byte count. */
    private static long parseSize(String s) {
        String v = s.trim().toLowerCase();
        char unit = v.charAt(v.length() - 1);
        if (Character.isDigit(unit)) {
            return Long.parseLong(v);
        }
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        return switch (unit) {
            case 'k' -> ByteUnit.kibiBytes(n);
            case 'm' -> ByteUnit.mebiBytes(n);
            case 'g' -> ByteUnit.gibiBytes(n);
            default -> throw new IllegalArgumentException("bad size: " + s);
        };
    }

    private static void fail(String message) {
        System.err.println("[launcher] " + message);
        System.exit(2);
    }
}
