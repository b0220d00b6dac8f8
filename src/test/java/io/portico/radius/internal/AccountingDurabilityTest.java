package io.portico.radius.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.portico.PorticoApplication;
import io.portico.hotspot.Hotspot;
import io.portico.radius.NewNasClient;
import io.portico.radius.RadiusService;
import io.portico.support.GuestWorld;
import io.portico.support.TestConfig;

/**
 * PostgreSQL stopped for 10 seconds in the middle of an accounting load: afterwards every
 * acknowledged record is stored exactly once, in the radius module's table and in the guest
 * connections. Runs against a private throwaway PostgreSQL cluster (initdb into a temporary
 * directory, on a free port), never the shared one. Skipped with a message when PostgreSQL's
 * server binaries are not installed, except under {@code CI=true}, where that fails.
 */
class AccountingDurabilityTest {

    private static final String SECRET = "durability-secret-1";
    private static final int SENDERS = 8;
    private static final int SESSIONS_PER_SENDER = 150;

    private Path dataDir;
    private Path pgBin;
    private ConfigurableApplicationContext context;

    @Test
    void everyAcknowledgedRecordIsStoredExactlyOnceAcrossADatabaseOutage() throws Exception {
        int port = startPrivateCluster();
        // Command-line arguments: they outrank application.yml (builder default properties do not).
        context = new SpringApplicationBuilder(PorticoApplication.class, TestConfig.class).run(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.connection-timeout=1000",
                "--server.port=0",
                "--portico.radius.bind-address=127.0.0.1",
                "--portico.radius.auth-port=0",
                "--portico.radius.acct-port=0",
                "--portico.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "--portico.scheduler.enabled=false");
        GuestWorld world = new GuestWorld(context, "Durability Co");
        Hotspot hotspot = world.hotspot("Lobby");
        context.getBean(RadiusService.class).register(NewNasClient.forHotspot(world.operator.id(), "Lobby", "127.0.0.1",
                hotspot.nasIdentifier(), SECRET, hotspot.id()));
        int acctPort = context.getBean(RadiusServer.class).acctPort();

        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            senders.add(Thread.ofVirtual().start(() -> send(acctPort, hotspot.nasIdentifier(), sender, acknowledged, sent)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= SENDERS * SESSIONS_PER_SENDER / 4);
        pgCtl("stop", "-m", "fast");
        // A batch committed just before the stop may still be answering: count from a second later.
        Awaitility.await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
        int duringOutageStart = acknowledged.size();
        Awaitility.await().pollDelay(Duration.ofSeconds(9)).atMost(Duration.ofSeconds(10)).until(() -> true);
        int duringOutageEnd = acknowledged.size();
        pgCtl("start", "-l", dataDir.resolve("server.log").toString(), "-o", "-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1");
        for (Thread t : senders) {
            t.join(Duration.ofMinutes(3));
        }

        assertThat(duringOutageEnd - duringOutageStart).as("nothing is acknowledged while the database is down").isZero();
        assertThat(acknowledged).hasSize(SENDERS * SESSIONS_PER_SENDER);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        Map<String, Long> stored = new java.util.HashMap<>();
        jdbc.sql("select acct_session_id, input_octets from connection_session where hotspot_id = ?").param(hotspot.id())
                .query(rs -> { stored.merge(rs.getString(1), rs.getLong(2), (a, b) -> -1L); });
        assertThat(stored).as("every acknowledged session stored exactly once, with its counters").isEqualTo(acknowledged);
    }

    /** Sends each session's Interim-Update until it is answered (a NAS retransmits the identical packet). */
    private static void send(int port, String nasIdentifier, int sender, Map<String, Long> acknowledged, AtomicInteger sent) {
        try (var udp = new TestRadius.Udp(port, Duration.ofMillis(500))) {
            for (int i = 0; i < SESSIONS_PER_SENDER; i++) {
                String session = "dur-" + sender + "-" + i;
                long octets = 1000L * sender + i;
                byte[] packet = TestRadius.accountingRequest(SECRET, (byte) i,
                        RadiusCodec.integerAttribute(RadiusCodec.ACCT_STATUS_TYPE, 3), RadiusCodec.attribute(RadiusCodec.ACCT_SESSION_ID, session),
                        RadiusCodec.attribute(RadiusCodec.CALLING_STATION_ID, String.format("02-00-00-%02X-%02X-%02X", sender, i >> 8, i & 0xFF)),
                        RadiusCodec.attribute(RadiusCodec.NAS_IDENTIFIER, nasIdentifier),
                        RadiusCodec.integerAttribute(RadiusCodec.ACCT_INPUT_OCTETS, octets),
                        RadiusCodec.integerAttribute(RadiusCodec.ACCT_SESSION_TIME, 60));
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (System.nanoTime() < deadline) {
                    sent.incrementAndGet();
                    var reply = udp.exchange(packet);
                    if (reply.isPresent() && reply.get()[0] == RadiusCodec.ACCOUNTING_RESPONSE && reply.get()[1] == (byte) i) {
                        acknowledged.put(session, octets);
                        break;
                    }
                }
            }
        }
    }

    private int startPrivateCluster() throws IOException, InterruptedException {
        pgBin = postgresBin();
        dataDir = Files.createTempDirectory("portico-durability-pg");
        if (root()) {
            run(List.of("chown", "-R", "postgres", dataDir.toString()));
        }
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        asPostgres(pgBin.resolve("initdb").toString(), "-D", dataDir.resolve("data").toString(), "-U", "postgres", "--auth=trust",
                "-E", "UTF8", "--no-sync");
        dataDir = dataDir.resolve("data");
        pgCtl("start", "-l", dataDir.resolve("server.log").toString(), "-o", "-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1");
        return port;
    }

    private void pgCtl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(pgBin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-w"));
        command.addAll(List.of(args));
        asPostgres(command.toArray(String[]::new));
    }

    private static Path postgresBin() throws IOException {
        Path base = Path.of("/usr/lib/postgresql");
        List<Path> candidates;
        if (Files.isDirectory(base)) {
            try (Stream<Path> versions = Files.list(base)) {
                candidates = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .sorted().toList();
            }
        } else {
            candidates = List.of();
        }
        if (candidates.isEmpty()) {
            String message = "PostgreSQL server binaries (initdb, pg_ctl) are not installed under /usr/lib/postgresql";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            System.err.println("Accounting durability test skipped: " + message);
            Assumptions.abort(message);
        }
        return candidates.getLast();
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** PostgreSQL refuses to run as root: as root, run its tools as the postgres OS user. */
    private static void asPostgres(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (context != null) {
            context.close();
        }
        if (dataDir != null) {
            try {
                pgCtl("stop", "-m", "immediate");
            } catch (IllegalStateException alreadyStopped) {
                // stopped already
            }
            Path root = dataDir.getFileName().toString().equals("data") ? dataDir.getParent() : dataDir;
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
