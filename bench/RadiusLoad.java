/*
 * RADIUS load generator for Portico (and any RADIUS server): Access-Requests (MAC authentication
 * with Message-Authenticator) and Accounting-Requests (Start, Interim-Update, Stop per session),
 * at several concurrencies or at a fixed request rate, reporting requests/s, latency percentiles
 * and how many Access-Requests were accepted or rejected. JDK only:
 *
 *   java bench/RadiusLoad.java --host 127.0.0.1 --auth-port 1812 --acct-port 1813 \
 *        --secret s3cret --nas-id bench --mode auth,acct --concurrency 1,8,32 --seconds 10 \
 *        [--devices 200000] [--warmup-seconds 10 --warmup-concurrency 8] [--rate 2000 --rate-kind half-peak]
 *
 * Devices: every request comes from a pool of --devices N devices; device i has the MAC
 * 02-00-XX-XX-XX-XX with XX-XX-XX-XX the 32 bits of i (uppercase hex, dash-separated), so the
 * server under test can be preloaded with exactly these N devices. Worker w of c uses the devices
 * from w * (N / c) on (mod N), one per Access-Request and one per accounting session, so
 * concurrent workers use different devices (until a worker has used N / c of them).
 * --device-base B shifts the pool to devices B .. B + N - 1: with a fresh B and a large N, every
 * accounting session of one closed-loop run (no warm-up) is a device the server has never seen.
 * --macs-file F takes the pool from F instead (one MAC per line, e.g. a server's existing guests).
 *
 * Closed loop (default): each worker keeps one request in flight (like a NAS thread waiting for
 * its answer), at each --concurrency in turn.
 * Open loop (--rate R): R requests/s in total, request j sent at start + j / R whatever the
 * answers, by one sender thread over --concurrency sockets (one value, e.g. 64; request j is the
 * (j / c)-th of stream j mod c, with that closed-loop worker's devices and sessions); one receiver
 * thread waits on all sockets. Latency is measured from the moment a request is actually sent, so
 * slow answers never hold back later requests (no coordinated omission). No retransmission in
 * this mode: unanswered within --timeout-ms is lost. The row (kind <mode>@<--rate-kind>, default
 * "paced") shows the rate, the sockets and the share of requests sent late (more than 1 ms after
 * their slot, i.e. the generator itself fell behind).
 *
 * Warm-up (--warmup-seconds W): before the measured runs, each mode runs for W s at
 * --warmup-concurrency (default 8), closed loop, or with --rate on the same paced schedule (so the
 * generator's own sender and receiver loops are compiled before the measured run, not during
 * it); its results are printed to stderr only, its acknowledged sessions are kept (session ids
 * <run-id>-w8-... or -w<rate>-...).
 *
 * A request unanswered within --timeout-ms is retransmitted once with the same id and
 * authenticator, then counted as lost. Only 127.0.0.1 / loopback targets are meant: this is a
 * local benchmark. Output: one Markdown table row per run (accepted/rejected: Access-Accepts and
 * Access-Rejects for auth; Accounting-Responses and any other answer for acct), and with
 * --sessions-file the acknowledged accounting session ids (to check the database for lost or
 * duplicated records afterwards): <run-id>-c<concurrency>-<worker>-<n>, or -r<rate>- for paced runs.
 *
 * --timeline F writes every request of the measured runs to F (CSV: run, send time in UTC and in
 * epoch microseconds, latency in microseconds, -1 when lost) and prints to stderr where the answers
 * over 20 ms cluster, with their UTC send times, to line up with the server's GC log, flight
 * recording and scheduled tasks.
 */
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class RadiusLoad {

    static final byte ACCESS_ACCEPT = 2;
    static final byte ACCESS_REJECT = 3;
    static final byte ACCOUNTING_RESPONSE = 5;

    record Options(String host, int authPort, int acctPort, String secret, String nasId, List<String> modes, List<Integer> concurrency,
                   int seconds, int timeoutMs, String label, String sessionsFile, String runId, int devices, double rate,
                   String rateKind, int warmupSeconds, int warmupConcurrency, long deviceBase, List<String> macs,
                   String timeline) {
    }

    /** One run: closed loop at {@code concurrency} workers ({@code rate} 0), or paced at {@code rate} requests/s. */
    record Run(String mode, int concurrency, double rate, String rateKind, int seconds, String tag) {
    }

    /**
     * Every request of a run in the order sent: when it was sent (wall clock, microseconds since the
     * epoch, so it lines up with the server's GC log and flight recording) and its latency in
     * microseconds (-1: lost).
     */
    record Timeline(long[] sentEpochMicros, long[] latencyMicros) {
    }

    record Result(Run run, long answered, long accepted, long rejected, long lost, long late, double seconds, long[] latenciesMicros,
                  Timeline timeline) {
        double throughput() {
            return answered / seconds;
        }

        double percentile(double p) {
            if (latenciesMicros.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(latenciesMicros.length - 1, Math.ceil(p / 100.0 * latenciesMicros.length) - 1);
            return latenciesMicros[Math.max(0, i)] / 1000.0;
        }

        String row(String label) {
            Run r = run;
            String kind = r.rate() > 0 ? r.mode() + "@" + r.rateKind() : r.mode();
            String load = r.rate() > 0
                    ? String.format("%.0f/s, %d sockets, %.1f%% late", r.rate(), r.concurrency(), 100.0 * late / Math.max(1, answered + lost))
                    : Integer.toString(r.concurrency());
            return String.format("| %s | %s | %s | %.0f | %.2f | %.2f | %.2f | %d | %d | %d |", label, kind, load, throughput(),
                    percentile(50), percentile(95), percentile(99), lost, accepted, rejected);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        if (o.rate() > 0 && o.concurrency().size() != 1) {
            throw new IllegalArgumentException("--rate needs exactly one --concurrency (the number of workers)");
        }
        List<String> acknowledgedSessions = new ArrayList<>();
        if (o.warmupSeconds() > 0) {
            for (String mode : o.modes()) {
                // a paced run warms up on its own schedule (this JVM's sender and receiver loops included)
                Run warmup = o.rate() > 0
                        ? new Run(mode, o.concurrency().getFirst(), o.rate(), o.rateKind(), o.warmupSeconds(), "w" + Math.round(o.rate()))
                        : new Run(mode, o.warmupConcurrency(), 0, "", o.warmupSeconds(), "w" + o.warmupConcurrency());
                Result r = run(o, warmup, acknowledgedSessions);
                System.err.println("warm-up (discarded) " + r.row(o.label()));
            }
        }
        boolean timelineWritten = false;
        System.out.println("| server | kind | concurrency | requests/s | p50 ms | p95 ms | p99 ms | lost | accepted | rejected |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String mode : o.modes()) {
            for (int c : o.concurrency()) {
                Run run = o.rate() > 0 ? new Run(mode, c, o.rate(), o.rateKind(), o.seconds(), "r" + Math.round(o.rate()))
                        : new Run(mode, c, 0, "", o.seconds(), "c" + c);
                Result result = run(o, run, acknowledgedSessions);
                System.out.println(result.row(o.label()));
                writeTimeline(o, result, timelineWritten);
                timelineWritten = o.timeline() != null;
            }
        }
        if (o.sessionsFile() != null) {
            Files.write(Path.of(o.sessionsFile()), acknowledgedSessions);
        }
    }

    static Result run(Options o, Run run, List<String> acknowledgedSessions) throws Exception {
        if (run.rate() > 0) {
            return paced(o, run, acknowledgedSessions);
        }
        InetAddress host = InetAddress.getByName(o.host());
        if (!host.isLoopbackAddress()) {
            throw new IllegalArgumentException("RadiusLoad only targets loopback addresses; got " + host);
        }
        String mode = run.mode();
        int concurrency = run.concurrency();
        boolean auth = mode.equals("auth");
        long stride = Math.max(1, o.devices() / concurrency);
        long started = System.nanoTime();
        long end = started + run.seconds() * 1_000_000_000L;
        AtomicLong answered = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicLong lost = new AtomicLong();
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<long[]> timelines = new ConcurrentLinkedQueue<>(); // per worker: send, latency, send, latency, ...
        ConcurrentLinkedQueue<String> sessions = new ConcurrentLinkedQueue<>();
        List<Thread> workers = new ArrayList<>();
        long epochMicros = epochMicros(), nanoBase = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            workers.add(Thread.ofPlatform().start(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                long[] timeline = new long[o.timeline() == null ? 0 : 1 << 16];
                int t = 0;
                try (DatagramSocket socket = new DatagramSocket()) {
                    socket.setSoTimeout(o.timeoutMs());
                    int port = auth ? o.authPort() : o.acctPort();
                    long sequence = 0;
                    byte id = 0;
                    while (System.nanoTime() < end) {
                        sequence++;
                        id++;
                        // acct: Start, Interim-Update, Stop for each session, one device per session; auth: one device per request
                        long use = auth ? sequence : sequence / 3;
                        String session = o.runId() + "-" + run.tag() + "-" + worker + "-" + use;
                        int step = (int) (sequence % 3);
                        String mac = device(o, Math.floorMod(worker * stride + use, (long) o.devices()));
                        byte[] request = auth ? access(o, id, mac) : accounting(o, id, session, step, mac);
                        long t0 = System.nanoTime();
                        byte[] reply = exchange(socket, host, port, request, id);
                        if (timeline.length > 0) {
                            if (t == timeline.length) {
                                timeline = Arrays.copyOf(timeline, t * 2);
                            }
                            timeline[t++] = epochMicros + (t0 - nanoBase) / 1000;
                            timeline[t++] = reply == null ? -1 : (System.nanoTime() - t0) / 1000;
                        }
                        if (reply == null) {
                            lost.incrementAndGet();
                            continue;
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = (System.nanoTime() - t0) / 1000;
                        answered.incrementAndGet();
                        if (reply[0] == (auth ? ACCESS_ACCEPT : ACCOUNTING_RESPONSE)) {
                            accepted.incrementAndGet();
                        } else {
                            rejected.incrementAndGet();
                        }
                        if (!auth && step == 0 && reply[0] == ACCOUNTING_RESPONSE) {
                            sessions.add(session);
                        }
                    }
                } catch (Exception e) {
                    System.err.println("worker " + worker + ": " + e);
                }
                latencies.add(Arrays.copyOf(mine, n));
                timelines.add(Arrays.copyOf(timeline, t));
            }));
        }
        for (Thread t : workers) {
            t.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        synchronized (acknowledgedSessions) {
            acknowledgedSessions.addAll(sessions);
        }
        return new Result(run, answered.get(), accepted.get(), rejected.get(), lost.get(), 0, seconds, all, merged(timelines));
    }

    /**
     * Open loop at {@code run.rate()} requests/s: one sender thread sends request j at
     * start + j / rate, whatever the answers, over {@code run.concurrency()} sockets (stream
     * j mod c, its k-th request j / c, with the devices and sessions of closed-loop worker j mod c);
     * one receiver thread waits on all sockets and times each answer from the moment its request
     * was sent. Slow answers therefore never delay later requests (no coordinated omission), and
     * two threads instead of one per worker leave the cores to the server under test. No
     * retransmission: a request unanswered within --timeout-ms (or when its identifier comes round
     * again on its socket) is lost. "late" counts sends more than 1 ms after their slot.
     */
    static Result paced(Options o, Run run, List<String> acknowledgedSessions) throws Exception {
        InetAddress host = InetAddress.getByName(o.host());
        if (!host.isLoopbackAddress()) {
            throw new IllegalArgumentException("RadiusLoad only targets loopback addresses; got " + host);
        }
        boolean auth = run.mode().equals("auth");
        int streams = run.concurrency();
        java.net.InetSocketAddress target = new java.net.InetSocketAddress(host, auth ? o.authPort() : o.acctPort());
        long stride = Math.max(1, o.devices() / streams);
        java.nio.channels.Selector selector = java.nio.channels.Selector.open();
        java.nio.channels.DatagramChannel[] channels = new java.nio.channels.DatagramChannel[streams];
        for (int w = 0; w < streams; w++) {
            channels[w] = java.nio.channels.DatagramChannel.open();
            channels[w].configureBlocking(false);
            channels[w].register(selector, java.nio.channels.SelectionKey.OP_READ, w);
        }
        // per socket and identifier: when the request in flight was sent (0: none), and its session for a Start
        java.util.concurrent.atomic.AtomicLongArray sentAt = new java.util.concurrent.atomic.AtomicLongArray(streams * 256);
        String[] startOf = new String[streams * 256];
        AtomicLong answered = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicLong lost = new AtomicLong();
        long late = 0;
        List<String> sessions = new ArrayList<>();
        long[][] latencies = {new long[1 << 16]};
        int[] count = {0};
        // the timeline: request j's send time and latency; which request each socket and identifier carries
        int planned = o.timeline() == null ? 0 : (int) Math.ceil(run.rate() * run.seconds()) + 1;
        long[] sentOf = new long[planned], latencyOf = new long[planned];
        Arrays.fill(latencyOf, -1);
        int[] requestOf = new int[streams * 256];
        long epochMicros = epochMicros(), nanoBase = System.nanoTime();
        long timeout = o.timeoutMs() * 1_000_000L;
        long started = System.nanoTime();
        long end = started + run.seconds() * 1_000_000_000L;
        AtomicLong receiving = new AtomicLong(end + timeout); // the receiver's deadline
        Thread receiver = Thread.ofPlatform().start(() -> {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(4096);
            try {
                while (System.nanoTime() < receiving.get()) {
                    selector.select(50);
                    for (var key : selector.selectedKeys()) {
                        int w = (Integer) key.attachment();
                        while (true) {
                            buffer.clear();
                            if (channels[w].receive(buffer) == null) {
                                break;
                            }
                            long now = System.nanoTime();
                            int slot = w * 256 + (buffer.get(1) & 0xFF);
                            long sent = sentAt.getAndSet(slot, 0);
                            if (sent == 0) {
                                continue; // a late answer to a request already counted lost
                            }
                            if (count[0] == latencies[0].length) {
                                latencies[0] = Arrays.copyOf(latencies[0], count[0] * 2);
                            }
                            latencies[0][count[0]++] = (now - sent) / 1000;
                            if (planned > 0) {
                                latencyOf[requestOf[slot]] = (now - sent) / 1000;
                            }
                            answered.incrementAndGet();
                            byte code = buffer.get(0);
                            if (code == (auth ? ACCESS_ACCEPT : ACCOUNTING_RESPONSE)) {
                                accepted.incrementAndGet();
                                if (startOf[slot] != null) {
                                    sessions.add(startOf[slot]);
                                }
                            } else {
                                rejected.incrementAndGet();
                            }
                        }
                    }
                    selector.selectedKeys().clear();
                }
            } catch (Exception e) {
                System.err.println("receiver: " + e);
            }
        });
        double interval = 1e9 / run.rate();
        for (long j = 0; ; j++) {
            long slotTime = started + Math.round(j * interval);
            if (slotTime >= end) {
                break;
            }
            long now = System.nanoTime();
            for (long left = slotTime - now; left > 0; left = slotTime - System.nanoTime()) {
                LockSupport.parkNanos(left); // sleeps, no spinning: the generator shares the cores with the server
            }
            if (now - slotTime > 1_000_000) {
                late++;
            }
            int w = (int) (j % streams);
            long k = j / streams + 1; // the closed-loop worker's sequence, from 1
            byte id = (byte) k;
            long use = auth ? k : k / 3;
            int step = (int) (k % 3);
            String session = o.runId() + "-" + run.tag() + "-" + w + "-" + use;
            String mac = device(o, Math.floorMod(w * stride + use, (long) o.devices()));
            byte[] request = auth ? access(o, id, mac) : accounting(o, id, session, step, mac);
            int slot = w * 256 + (id & 0xFF);
            startOf[slot] = !auth && step == 0 ? session : null;
            long sendTime = System.nanoTime();
            if (j < planned) {
                requestOf[slot] = (int) j;
                sentOf[(int) j] = epochMicros + (sendTime - nanoBase) / 1000;
            }
            if (sentAt.getAndSet(slot, sendTime) != 0) {
                lost.incrementAndGet(); // the identifier came round unanswered
            }
            channels[w].send(java.nio.ByteBuffer.wrap(request), target);
        }
        // answers still on their way: wait up to the timeout, then whatever is unanswered is lost
        long deadline = System.nanoTime() + timeout;
        while (System.nanoTime() < deadline && inFlight(sentAt) > 0) {
            Thread.sleep(10);
        }
        receiving.set(0);
        receiver.join();
        for (int i = 0; i < sentAt.length(); i++) {
            if (sentAt.get(i) != 0) {
                lost.incrementAndGet();
            }
        }
        for (var channel : channels) {
            channel.close();
        }
        selector.close();
        double seconds = run.seconds();
        long[] all = Arrays.copyOf(latencies[0], count[0]);
        Arrays.sort(all);
        synchronized (acknowledgedSessions) {
            acknowledgedSessions.addAll(sessions);
        }
        int sentCount = (int) Math.min(planned, Math.ceil(run.rate() * run.seconds()));
        while (sentCount > 0 && sentOf[sentCount - 1] == 0) {
            sentCount--;
        }
        return new Result(run, answered.get(), accepted.get(), rejected.get(), lost.get(), late, seconds, all,
                new Timeline(Arrays.copyOf(sentOf, sentCount), Arrays.copyOf(latencyOf, sentCount)));
    }

    /** Now on the wall clock, in microseconds since the epoch. */
    static long epochMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    /** The closed-loop workers' timelines (send, latency pairs) as one, in the order sent. */
    static Timeline merged(ConcurrentLinkedQueue<long[]> workers) {
        List<long[]> pairs = new ArrayList<>();
        for (long[] w : workers) {
            for (int i = 0; i + 1 < w.length; i += 2) {
                pairs.add(new long[] {w[i], w[i + 1]});
            }
        }
        pairs.sort((a, b) -> Long.compare(a[0], b[0]));
        long[] sent = new long[pairs.size()], latency = new long[pairs.size()];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = pairs.get(i)[0];
            latency[i] = pairs.get(i)[1];
        }
        return new Timeline(sent, latency);
    }

    /**
     * Writes the run's timeline to --timeline (CSV: run, sent at as UTC time and as epoch
     * microseconds, latency in microseconds, -1 when lost) and prints to stderr where the slow answers
     * (over 20 ms, or lost) cluster: runs of them no more than 50 ms apart, with when each began (UTC,
     * to set beside the server's GC log and flight recording), how long it lasted, how many requests
     * it held and the worst latency.
     */
    static void writeTimeline(Options o, Result r, boolean append) throws java.io.IOException {
        Timeline t = r.timeline();
        if (o.timeline() == null || t == null) {
            return;
        }
        java.time.format.DateTimeFormatter utc = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS")
                .withZone(java.time.ZoneOffset.UTC);
        String name = o.label() + "-" + r.run().mode() + "-" + r.run().tag();
        StringBuilder csv = new StringBuilder(append ? "" : "run,sent_utc,sent_epoch_us,latency_us\n");
        for (int i = 0; i < t.sentEpochMicros().length; i++) {
            long s = t.sentEpochMicros()[i];
            csv.append(name).append(',').append(utc.format(java.time.Instant.ofEpochSecond(s / 1_000_000, s % 1_000_000 * 1000)))
                    .append(',').append(s).append(',').append(t.latencyMicros()[i]).append('\n');
        }
        Files.writeString(Path.of(o.timeline()), csv, append ? new java.nio.file.OpenOption[] {java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND} : new java.nio.file.OpenOption[0]);
        long slowMicros = 20_000, gapMicros = 50_000;
        int slow = 0, clusters = 0;
        long begin = -1, last = -1, worst = 0;
        int inCluster = 0;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i <= t.sentEpochMicros().length; i++) {
            boolean end = i == t.sentEpochMicros().length;
            long s = end ? Long.MAX_VALUE : t.sentEpochMicros()[i];
            long l = end ? 0 : t.latencyMicros()[i];
            boolean isSlow = !end && (l < 0 || l > slowMicros);
            if (begin >= 0 && (end || (isSlow && s - last > gapMicros))) {
                clusters++;
                lines.add(String.format("  %s  %6.1f ms  %5d slow  worst %s", utc.format(java.time.Instant.ofEpochSecond(begin / 1_000_000,
                        begin % 1_000_000 * 1000)), (last - begin) / 1000.0, inCluster, worst < 0 ? "lost" : String.format("%.1f ms", worst / 1000.0)));
                begin = -1;
            }
            if (isSlow) {
                slow++;
                if (begin < 0) {
                    begin = s;
                    inCluster = 0;
                    worst = 0;
                }
                last = s;
                inCluster++;
                worst = l < 0 || worst < 0 ? -1 : Math.max(worst, l);
            }
        }
        System.err.printf("%s: %d of %d answers over %d ms or lost, in %d clusters (send times UTC, gap > %d ms):%n", name, slow,
                t.sentEpochMicros().length, slowMicros / 1000, clusters, gapMicros / 1000);
        lines.forEach(System.err::println);
    }

    /** Requests sent and not answered yet. */
    private static long inFlight(java.util.concurrent.atomic.AtomicLongArray sentAt) {
        long n = 0;
        for (int i = 0; i < sentAt.length(); i++) {
            if (sentAt.get(i) != 0) {
                n++;
            }
        }
        return n;
    }

    /** Sends and waits for the answer with our identifier; one retransmission of the same bytes. */
    static byte[] exchange(DatagramSocket socket, InetAddress host, int port, byte[] request, byte id) throws Exception {
        byte[] buffer = new byte[4096];
        for (int attempt = 0; attempt < 2; attempt++) {
            socket.send(new DatagramPacket(request, request.length, host, port));
            while (true) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    break;
                }
                if (buffer[1] == id) {
                    return Arrays.copyOf(buffer, packet.getLength());
                }
            }
        }
        return null;
    }

    /** Device i of the pool: line i of --macs-file, else the MAC of --device-base + i. */
    static String device(Options o, long i) {
        return o.macs().isEmpty() ? mac(o.deviceBase() + i) : o.macs().get((int) (i % o.macs().size()));
    }

    /** The MAC of device i: 02-00 and the 32 bits of i, uppercase hex, dash-separated. */
    static String mac(long device) {
        return String.format("02-00-%02X-%02X-%02X-%02X", (device >>> 24) & 0xFF, (device >>> 16) & 0xFF, (device >>> 8) & 0xFF,
                device & 0xFF);
    }

    static byte[] access(Options o, byte id, String mac) throws Exception {
        var attrs = new java.io.ByteArrayOutputStream();
        attrs.write(new byte[] {80, 18});
        attrs.write(new byte[16]); // Message-Authenticator, first
        attribute(attrs, 1, mac.getBytes(StandardCharsets.US_ASCII));
        attribute(attrs, 31, mac.getBytes(StandardCharsets.US_ASCII));
        attribute(attrs, 32, o.nasId().getBytes(StandardCharsets.US_ASCII));
        attribute(attrs, 4, new byte[] {127, 0, 0, 1});
        byte[] authenticator = new byte[16];
        RANDOM.nextBytes(authenticator);
        byte[] packet = packet((byte) 1, id, authenticator, attrs.toByteArray());
        Mac hmac = Mac.getInstance("HmacMD5");
        hmac.init(new SecretKeySpec(o.secret().getBytes(StandardCharsets.UTF_8), "HmacMD5"));
        System.arraycopy(hmac.doFinal(packet), 0, packet, 22, 16);
        return packet;
    }

    static byte[] accounting(Options o, byte id, String session, int step, String mac) throws Exception {
        var attrs = new java.io.ByteArrayOutputStream();
        int status = step == 0 ? 1 : step == 1 ? 3 : 2;
        attribute(attrs, 40, int32(status));
        attribute(attrs, 44, session.getBytes(StandardCharsets.US_ASCII));
        attribute(attrs, 1, mac.getBytes(StandardCharsets.US_ASCII));
        attribute(attrs, 31, mac.getBytes(StandardCharsets.US_ASCII));
        attribute(attrs, 32, o.nasId().getBytes(StandardCharsets.US_ASCII));
        attribute(attrs, 4, new byte[] {127, 0, 0, 1});
        attribute(attrs, 5, int32(1)); // NAS-Port: FreeRADIUS's acctuniqueid includes it
        if (step > 0) {
            attribute(attrs, 46, int32(60L * step));
            attribute(attrs, 42, int32(1_000_000L * step));
            attribute(attrs, 43, int32(9_000_000L * step));
        }
        if (step == 2) {
            attribute(attrs, 49, int32(1));
        }
        byte[] packet = packet((byte) 4, id, new byte[16], attrs.toByteArray());
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(packet);
        md5.update(o.secret().getBytes(StandardCharsets.UTF_8));
        System.arraycopy(md5.digest(), 0, packet, 4, 16);
        return packet;
    }

    static byte[] packet(byte code, byte id, byte[] authenticator, byte[] attributes) {
        byte[] p = new byte[20 + attributes.length];
        p[0] = code;
        p[1] = id;
        p[2] = (byte) (p.length >>> 8);
        p[3] = (byte) p.length;
        System.arraycopy(authenticator, 0, p, 4, 16);
        System.arraycopy(attributes, 0, p, 20, attributes.length);
        return p;
    }

    static void attribute(java.io.ByteArrayOutputStream out, int type, byte[] value) {
        out.write(type);
        out.write(value.length + 2);
        out.writeBytes(value);
    }

    static byte[] int32(long v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    static Options parse(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        List<String> macs = List.of();
        if (a.containsKey("macs-file")) {
            try {
                macs = Files.readAllLines(Path.of(a.get("macs-file"))).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot read --macs-file: " + e.getMessage());
            }
            if (macs.isEmpty()) {
                throw new IllegalArgumentException("--macs-file has no MAC");
            }
        }
        int devices = macs.isEmpty() ? Integer.parseInt(a.getOrDefault("devices", "200000")) : macs.size();
        long deviceBase = Long.parseLong(a.getOrDefault("device-base", "0"));
        if (deviceBase < 0 || deviceBase + devices > 1L << 32) {
            throw new IllegalArgumentException("--device-base + --devices must stay within 32 bits");
        }
        if (devices < 1) {
            throw new IllegalArgumentException("--devices must be at least 1");
        }
        return new Options(a.getOrDefault("host", "127.0.0.1"), Integer.parseInt(a.getOrDefault("auth-port", "1812")),
                Integer.parseInt(a.getOrDefault("acct-port", "1813")), a.getOrDefault("secret", "testing123"),
                a.getOrDefault("nas-id", "bench"), List.of(a.getOrDefault("mode", "auth,acct").split(",")),
                Arrays.stream(a.getOrDefault("concurrency", "1,8,32").split(",")).map(Integer::valueOf).toList(),
                Integer.parseInt(a.getOrDefault("seconds", "10")), Integer.parseInt(a.getOrDefault("timeout-ms", "2000")),
                a.getOrDefault("label", "server"), a.get("sessions-file"),
                a.getOrDefault("run-id", "bench" + Long.toString(System.currentTimeMillis(), 36)), devices,
                Double.parseDouble(a.getOrDefault("rate", "0")), a.getOrDefault("rate-kind", "paced"), Integer.parseInt(a.getOrDefault("warmup-seconds", "0")),
                Integer.parseInt(a.getOrDefault("warmup-concurrency", "8")), deviceBase, macs, a.get("timeline"));
    }
}
