/*
 * Captive-portal load generator for Portico: the portal page (a MikroTik hand-over POSTed to
 * /portal/<NAS-Identifier>, answered with the sign-in page), the click-through sign-in (the page,
 * then the sign-in form POSTed, answered with the redirect to the gateway's login URL), and a
 * static file served by the same server as the reference. Every page and sign-in is a new guest (a
 * random locally administered MAC). JDK only:
 *
 *   java bench/PortalLoad.java --base http://127.0.0.1:18091 --nas HARBOR-LOFTS-LOBBY \
 *        --static /bench-static/page.html --modes static,page,signin --concurrency 200 --seconds 10 \
 *        [--warmup-seconds 5] [--rate 400] [--timeline FILE]
 *
 * Closed loop (default): --concurrency virtual threads, each with one request in flight (a guest
 * waiting for its page), for --seconds per mode after a warm-up at the same concurrency.
 * Open loop (--rate R): R requests/s, request j started at start + j / R by its own virtual
 * thread whatever the answers; latency counted from that slot (no coordinated omission), so a
 * server that falls behind shows it in the percentiles. The warm-up is then an open loop at the
 * same rate.
 *
 * For signin the latency is the sign-in POST alone (the page before it is the guest reading the
 * terms; its time is not counted), the throughput is complete sign-ins per second. A page answer
 * is a success when it is 200 with the sign-in form, a sign-in when it is a 302/303 to the
 * gateway, a static file when it is 200 with the expected length.
 *
 * Output: one Markdown table row per mode:
 * | mode | load | requests | per second | p50 ms | p90 ms | p99 ms | max ms | errors | bytes |
 */
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

public class PortalLoad {

    private static final Pattern STATE = Pattern.compile("name=\"state\" value=\"([^\"]+)\"");
    private static final String USER_AGENT = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) PortalLoad";

    private record Result(String mode, String load, long requests, double seconds, long[] latenciesNanos, long errors, long bytes) {
        String row() {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            return String.format("| %s | %s | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %d |", mode, load, requests, requests / seconds,
                    percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, errors, requests == 0 ? 0 : bytes / Math.max(1, requests));
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    /** One measured request: its latency, whether it succeeded, the body size. */
    private record Sample(long nanos, boolean ok, long bytes) {
    }

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final URI base;
    private final String nas;
    private final String staticPath;
    private final Duration timeout;

    PortalLoad(URI base, String nas, String staticPath, Duration timeout) {
        this.base = base;
        this.nas = nas;
        this.staticPath = staticPath;
        this.timeout = timeout;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        var load = new PortalLoad(URI.create(options.getOrDefault("base", "http://127.0.0.1:8080")), options.getOrDefault("nas", ""),
                options.getOrDefault("static", "/bench-static/page.html"),
                Duration.ofMillis(Long.parseLong(options.getOrDefault("timeout-ms", "30000"))));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "200"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup-seconds", "5"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "0"));
        System.out.println("| mode | load | requests | per second | p50 ms | p90 ms | p99 ms | max ms | errors | bytes |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (String mode : options.getOrDefault("modes", "static,page,signin").split(",")) {
            if (warmup > 0) {
                // the same load as the measurement: an open loop's first second on a new client JVM (its JIT, its
                // connections) is otherwise measured as the server's tail
                Result warm = rate > 0 ? load.openLoop(mode, rate, warmup) : load.closedLoop(mode, concurrency, warmup);
                System.err.println("warm-up " + mode + ": " + warm.row());
            }
            Result result = rate > 0 ? load.openLoop(mode, rate, seconds) : load.closedLoop(mode, concurrency, seconds);
            System.out.println(result.row());
            if (options.containsKey("timeline")) {
                load.writeTimeline(Path.of(options.get("timeline")));
            }
        }
        System.exit(0);
    }

    private Result closedLoop(String mode, int concurrency, int seconds) throws InterruptedException {
        var samples = new ConcurrentLinkedQueue<Sample>();
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < deadline) {
                    samples.add(once(mode, System.nanoTime()));
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return result(mode, concurrency + " guests", samples, (System.nanoTime() - start) / 1e9);
    }

    /** The last open-loop run, request by request: start (ms after the run began) and latency (ms). */
    private final ConcurrentLinkedQueue<long[]> timeline = new ConcurrentLinkedQueue<>();

    private void writeTimeline(Path file) throws java.io.IOException {
        Files.write(file, timeline.stream().sorted(java.util.Comparator.comparingLong(t -> t[0]))
                .map(t -> String.format("%.3f %.3f", t[0] / 1e6, t[1] / 1e6)).toList());
        timeline.clear();
    }

    private Result openLoop(String mode, double rate, int seconds) throws InterruptedException {
        var samples = new ConcurrentLinkedQueue<Sample>();
        long start = System.nanoTime();
        timeline.clear();
        long total = (long) (rate * seconds);
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long j = 0; j < total; j++) {
                long slot = start + (long) (j * 1e9 / rate);
                long wait = slot - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                requests.submit(() -> {
                    Sample sample = once(mode, slot);
                    samples.add(sample);
                    timeline.add(new long[] {slot - start, sample.nanos()});
                });
            }
        }
        return result(mode, String.format("%.0f/s", rate), samples, (System.nanoTime() - start) / 1e9);
    }

    private static Result result(String mode, String load, ConcurrentLinkedQueue<Sample> samples, double seconds) {
        long[] latencies = samples.stream().mapToLong(Sample::nanos).toArray();
        long errors = samples.stream().filter(s -> !s.ok()).count();
        long bytes = samples.stream().mapToLong(Sample::bytes).sum();
        return new Result(mode, load, latencies.length, seconds, latencies, errors, bytes);
    }

    /** One request of the mode; latency from {@code from} (now, or the open loop's slot). */
    private Sample once(String mode, long from) {
        try {
            return switch (mode) {
                case "static" -> {
                    HttpResponse<byte[]> r = send(HttpRequest.newBuilder(base.resolve(staticPath)).GET());
                    yield new Sample(System.nanoTime() - from, r.statusCode() == 200, r.body().length);
                }
                case "page" -> {
                    HttpResponse<byte[]> r = page();
                    yield new Sample(System.nanoTime() - from, r.statusCode() == 200 && state(r).isPresent(), r.body().length);
                }
                case "signin" -> {
                    var state = state(page());
                    if (state.isEmpty()) {
                        yield new Sample(System.nanoTime() - from, false, 0);
                    }
                    long sent = System.nanoTime();
                    HttpResponse<byte[]> r = send(form(base.resolve("/portal/" + nas + "/signin"), Map.of("state", state.get(), "lang", "en-us",
                            "method", "CLICK_THROUGH", "terms", "accepted")));
                    yield new Sample(System.nanoTime() - Math.max(from, sent), r.statusCode() == 302 || r.statusCode() == 303,
                            r.body().length);
                }
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            };
        } catch (Exception e) {
            return new Sample(System.nanoTime() - from, false, 0);
        }
    }

    /** A new phone behind a MikroTik Hotspot: login.html's redirect form, as the router posts it. */
    private HttpResponse<byte[]> page() throws Exception {
        byte[] mac = new byte[6];
        ThreadLocalRandom.current().nextBytes(mac);
        mac[0] = 0x02;
        String colonMac = Arrays.stream(new int[] {0, 1, 2, 3, 4, 5}).mapToObj(i -> String.format("%02X", mac[i]))
                .collect(Collectors.joining(":"));
        StringBuilder challenge = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            challenge.append(String.format("\\%03o", ThreadLocalRandom.current().nextInt(256)));
        }
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("mac", colonMac);
        fields.put("ip", "10.5.50." + (2 + ThreadLocalRandom.current().nextInt(250)));
        fields.put("username", "");
        fields.put("link-login", "http://10.5.50.1/login?dst=http%3A%2F%2Fexample.com%2F");
        fields.put("link-orig", "http://example.com/");
        fields.put("error", "");
        fields.put("chap-id", String.format("\\%03o", ThreadLocalRandom.current().nextInt(256)));
        fields.put("chap-challenge", challenge.toString());
        fields.put("link-login-only", "http://10.5.50.1/login");
        fields.put("link-orig-esc", "http%3A%2F%2Fexample.com%2F");
        fields.put("mac-esc", URLEncoder.encode(colonMac, StandardCharsets.UTF_8));
        return send(form(base.resolve("/portal/" + nas), fields));
    }

    private static java.util.Optional<String> state(HttpResponse<byte[]> page) {
        Matcher m = STATE.matcher(new String(page.body(), StandardCharsets.UTF_8));
        return m.find() ? java.util.Optional.of(m.group(1).replace("&amp;", "&")) : java.util.Optional.empty();
    }

    private HttpRequest.Builder form(URI uri, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.header("User-Agent", USER_AGENT).header("Accept-Language", "en-US").timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
