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
import java.util.concurrent.atomic.AtomicIntegerArray;
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
 * PostgreSQL stopped for about 10 seconds (every sender retransmits unanswered 20 times) in the
 * middle of an accounting load: afterwards every
 * acknowledged record is stored exactly once, in the guest connections. Runs against a private throwaway PostgreSQL cluster (initdb into a temporary
 * directory, on a free port), never the shared one. Skipped with a message when PostgreSQL's
 * server binaries are not installed, except under {@code CI=true}, where that fails.
 */
class AccountingDurabilityTest {

    private static final String SECRET = "durability-secret-1";
    private static final int SENDERS = 8;
    private static final int SESSIONS_PER_SENDER = 150;
    /** A NAS gives up on a record after two minutes of unanswered 500 ms attempts. */
    private static final int MAX_ATTEMPTS = 240;
    /** The outage lasts until every sender has gone unanswered this often (about 10 s at 500 ms each). */
    private static final int OUTAGE_ATTEMPTS = 20;

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
        AtomicIntegerArray unanswered = new AtomicIntegerArray(SENDERS);
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            senders.add(Thread.ofVirtual().start(() -> send(acctPort, hotspot.nasIdentifier(), sender, acknowledged, unanswered)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= SENDERS * SESSIONS_PER_SENDER / 4);
        pgCtl("stop", "-m", "fast");
        // A batch committed just before the stop may still be answering. Once every sender has gone
        // unanswered twice more, its second silent attempt began after the stop: count from there.
        int[] atStop = snapshot(unanswered);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> everyActiveSender(senders, unanswered, atStop, 2));
        int duringOutageStart = acknowledged.size();
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> everyActiveSender(senders, unanswered, atStop, 2 + OUTAGE_ATTEMPTS));
        int duringOutageEnd = acknowledged.size();
        startCluster(port);
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

    private static int[] snapshot(AtomicIntegerArray counts) {
        int[] copy = new int[counts.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = counts.get(i);
        }
        return copy;
    }

    /** True when every sender still sending has gone unanswered at least {@code more} times since {@code from}. */
    private static boolean everyActiveSender(List<Thread> senders, AtomicIntegerArray unanswered, int[] from, int more) {
        for (int s = 0; s < senders.size(); s++) {
            if (senders.get(s).isAlive() && unanswered.get(s) < from[s] + more) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sends each session's Interim-Update until it is answered (a NAS retransmits the identical
     * packet), counting the attempts that got no answer.
     */
    private static void send(int port, String nasIdentifier, int sender, Map<String, Long> acknowledged,
                             AtomicIntegerArray unanswered) {
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
                for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                    var reply = udp.exchange(packet);
                    if (reply.isPresent() && reply.get()[0] == RadiusCodec.ACCOUNTING_RESPONSE && reply.get()[1] == (byte) i) {
                        acknowledged.put(session, octets);
                        break;
                    }
                    unanswered.incrementAndGet(sender);
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
        asPostgres(pgBin.resolve("initdb").toString(), "-D", dataDir.resolve("data").toString(), "-U", "postgres", "--auth=trust",
                "-E", "UTF8", "--no-sync");
        dataDir = dataDir.resolve("data");
        // PostgreSQL cannot listen on port 0 and report the port it got, so it gets a port the
        // system just handed out, and another one when something took that port meanwhile.
        for (int attempt = 1; ; attempt++) {
            int port = ephemeralPort();
            try {
                startCluster(port);
                return port;
            } catch (IllegalStateException failed) {
                if (attempt == 3 || !Files.readString(dataDir.resolve("server.log")).contains("could not bind")) {
                    throw failed;
                }
            }
        }
    }

    private void startCluster(int port) throws IOException, InterruptedException {
        pgCtl("start", "-l", dataDir.resolve("server.log").toString(), "-o", "-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1");
    }

    private static int ephemeralPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
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
