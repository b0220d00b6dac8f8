/*
 * RADIUS load generator for Portico (and any RADIUS server): Access-Requests (MAC authentication
 * with Message-Authenticator) and Accounting-Requests (Start, Interim-Update, Stop per session),
 * at several concurrencies, reporting requests/s and latency percentiles. JDK only:
 *
 *   java bench/RadiusLoad.java --host 127.0.0.1 --auth-port 1812 --acct-port 1813 \
 *        --secret s3cret --nas-id bench --mode auth,acct --concurrency 1,8,32 --seconds 10
 *
 * Each worker keeps one request in flight (like a NAS thread waiting for its answer); a request
 * unanswered within --timeout-ms is retransmitted once with the same id and authenticator, then
 * counted as lost. Only 127.0.0.1 / loopback targets are meant: this is a local benchmark.
 * Output: one Markdown table row per run, and with --sessions-file the acknowledged accounting
 * session ids (to check the database for lost or duplicated records afterwards).
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

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class RadiusLoad {

    record Options(String host, int authPort, int acctPort, String secret, String nasId, List<String> modes, List<Integer> concurrency,
                   int seconds, int timeoutMs, String label, String sessionsFile, String runId) {
    }

    record Result(String mode, int concurrency, long answered, long lost, double seconds, long[] latenciesMicros) {
        double rate() {
            return answered / seconds;
        }

        double percentile(double p) {
            if (latenciesMicros.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(latenciesMicros.length - 1, Math.ceil(p / 100.0 * latenciesMicros.length) - 1);
            return latenciesMicros[Math.max(0, i)] / 1000.0;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        List<String> acknowledgedSessions = new ArrayList<>();
        System.out.println("| server | kind | concurrency | requests/s | p50 ms | p95 ms | p99 ms | lost |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        for (String mode : o.modes()) {
            for (int c : o.concurrency()) {
                Result r = run(o, mode, c, acknowledgedSessions);
                System.out.printf("| %s | %s | %d | %.0f | %.2f | %.2f | %.2f | %d |%n", o.label(), mode, c, r.rate(), r.percentile(50),
                        r.percentile(95), r.percentile(99), r.lost());
            }
        }
        if (o.sessionsFile() != null) {
            Files.write(Path.of(o.sessionsFile()), acknowledgedSessions);
        }
    }

    static Result run(Options o, String mode, int concurrency, List<String> acknowledgedSessions) throws Exception {
        InetAddress host = InetAddress.getByName(o.host());
        if (!host.isLoopbackAddress()) {
            throw new IllegalArgumentException("RadiusLoad only targets loopback addresses; got " + host);
        }
        long end = System.nanoTime() + o.seconds() * 1_000_000_000L;
        AtomicLong answered = new AtomicLong();
        AtomicLong lost = new AtomicLong();
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> sessions = new ConcurrentLinkedQueue<>();
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            workers.add(Thread.ofPlatform().start(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                try (DatagramSocket socket = new DatagramSocket()) {
                    socket.setSoTimeout(o.timeoutMs());
                    int port = mode.equals("auth") ? o.authPort() : o.acctPort();
                    long sequence = 0;
                    byte id = 0;
                    while (System.nanoTime() < end) {
                        sequence++;
                        id++;
                        String session = o.runId() + "-" + concurrency + "-" + worker + "-" + (sequence / 3);
                        int step = (int) (sequence % 3); // acct: Start, Interim-Update, Stop for each session
                        String mac = mac(worker, sequence / 3); // one device per session
                        byte[] request = mode.equals("auth") ? access(o, id, mac) : accounting(o, id, session, step, mac);
                        long t0 = System.nanoTime();
                        byte[] reply = exchange(socket, host, port, request, id);
                        if (reply == null) {
                            lost.incrementAndGet();
                            continue;
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = (System.nanoTime() - t0) / 1000;
                        answered.incrementAndGet();
                        if (mode.equals("acct") && step == 0) {
                            sessions.add(session);
                        }
                    }
                } catch (Exception e) {
                    System.err.println("worker " + worker + ": " + e);
                }
                latencies.add(Arrays.copyOf(mine, n));
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
        return new Result(mode, concurrency, answered.get(), lost.get(), seconds, all);
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

    static String mac(int worker, long sequence) {
        long v = ((long) worker << 24) | (sequence & 0xFFFFFF);
        return String.format("02-00-%02X-%02X-%02X-%02X", (v >>> 24) & 0xFF, (v >>> 16) & 0xFF, (v >>> 8) & 0xFF, v & 0xFF);
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
        return new Options(a.getOrDefault("host", "127.0.0.1"), Integer.parseInt(a.getOrDefault("auth-port", "1812")),
                Integer.parseInt(a.getOrDefault("acct-port", "1813")), a.getOrDefault("secret", "testing123"),
                a.getOrDefault("nas-id", "bench"), List.of(a.getOrDefault("mode", "auth,acct").split(",")),
                Arrays.stream(a.getOrDefault("concurrency", "1,8,32").split(",")).map(Integer::valueOf).toList(),
                Integer.parseInt(a.getOrDefault("seconds", "10")), Integer.parseInt(a.getOrDefault("timeout-ms", "2000")),
                a.getOrDefault("label", "server"), a.get("sessions-file"),
                a.getOrDefault("run-id", "bench" + Long.toString(System.currentTimeMillis(), 36)));
    }
}
