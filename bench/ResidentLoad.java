import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Load generator for residents' keys over RADIUS (issue 14), driven by bench/residents-bench.sh.
 * Compiled together with bench/RadiusLoad.java (its packet, attribute, exchange and MAC helpers);
 * the WPA2 handshakes come from the DPSK tests' own TestHandshake (IEEE 802.11 PRF and MIC, in
 * target/test-classes), so the load uses exactly the handshake the tests prove.
 *
 * <pre>
 * setup  --base URL --email E --password P --residents N --per-unit U --secret S --ssid SSID --out DIR
 *        a venue of N residents through the console API as an operator builds it: network settings
 *        (overlapping subscriptions per unit, U residents a unit), a client, a service plan, the venue,
 *        N/U units with their VLANs, N subscriptions (subscribers/addKey: generated keys), one piece of
 *        equipment and one RADIUS client per vendor kind (gateway, openwrt, cisco, aruba, mikrotik,
 *        ruckus). Writes DIR/residents.csv (index,mac,psk,vlan) and DIR/nas.txt (kind nas-identifier).
 * run    --port P --secret S --dir DIR --case C --nas NASID --concurrency N --seconds T --server NAME [--devices K]
 *        [--timeout-ms MS (5000): an unanswered request is sent once more after MS, then counted lost]
 *        C is one of
 *          bind         every resident's device joins once with its key as PAP password at the gateway
 *                       (binds the device, as a gateway checking keys by RADIUS does); not timed by --seconds
 *          dpsk-cold    Ruckus DPSK handshakes of devices 0, 1, 2, ... each once (its PMK not yet cached),
 *                       until --seconds or K devices; writes DIR/cold-count
 *          dpsk-warm    the same devices' handshakes again, round robin (PMKs cached)
 *          dpsk-search  handshakes from devices never seen (new MACs) made with keys of the cold devices:
 *                       the search through the venue's cached keys, as a first join
 *          mac          MAC authentication (no handshake) of the cold devices, round robin
 *          mac-key      MAC authentication of all K devices, round robin; each Accept must carry the key
 *                       (Tunnel-Password, RFC 2868), checked by decrypting it
 * </pre>
 * Prints one Markdown row: | case | server | concurrency | lookups | requests | accepted | rejected | lost |
 * seconds | lookups/s | p50 ms | p99 ms |. A lookup is one device's answer; dpsk cases count as
 * lookups only Accepts with the right PMK, mac-key only Accepts with the right key.
 */
public class ResidentLoad {

    static final String AP_BSSID = "00-14-A7-00-00-01"; // TestHandshake.AP
    static final int VENDOR_RUCKUS = 25053;
    static final int RUCKUS_DPSK_PARAMS = 153;
    static final int TUNNEL_PASSWORD = 69;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        switch (args[0]) {
            case "setup" -> setup(o);
            case "run" -> run(o);
            default -> throw new IllegalArgumentException("setup or run");
        }
    }

    // ---- setup through the console API ------------------------------------------------------------

    static void setup(Map<String, String> o) throws Exception {
        Console c = new Console(o.get("base"));
        c.login(o.get("email"), o.get("password"));
        int residents = Integer.parseInt(o.get("residents"));
        int perUnit = Integer.parseInt(o.getOrDefault("per-unit", "4"));
        int units = (residents + perUnit - 1) / perUnit;
        if (units > 3994) {
            throw new IllegalArgumentException("at most 3994 units (VLANs 100..4093): raise --per-unit");
        }
        Path dir = Path.of(o.get("out"));
        String secret = o.get("secret");
        long t0 = System.nanoTime();
        c.post("operator/configureNetworkConfiguration", "{\"allowOverlappingSubscriptionWiredUnit\": true}");
        String client = c.field(c.post("clients/addClient", "{\"Company\": \"Bench Residences\"}"), "ClientID");
        String plan = c.field(c.post("equipment/addServicePlan", """
                {"ServicePlanName": "Residents 100M", "DownloadKbps": 100000, "UploadKbps": 20000, "ConcurrentDevices": 8}"""),
                "ServicePlanID");
        String venue = c.field(c.post("venues/addVenue", """
                {"ClientID": %s, "VenueName": "Bench Towers", "AddressLine1": "1 Load St", "City": "Boston", "State": "MA",
                 "PostalCode": "02110", "Country.ISO3166A3": "USA", "TimeZone": "America/New_York"}""".formatted(client)), "VenueID");
        int threads = Integer.parseInt(o.getOrDefault("threads", "8"));
        String[] unitIds = new String[units];
        parallel(threads, units, i -> unitIds[i] = c.field(c.post("units/addUnit", """
                {"VenueID": "%s", "UnitID": "%d", "UnitBuilding": "A", "UnitFloor": "%d", "purpose": "wiredunit", "vlan": %d}"""
                .formatted(venue, i + 1, i / 100 + 1, 100 + i)), "UnitID_internal"));
        System.err.printf("setup: venue %s, %d units in %.1f s%n", venue, units, (System.nanoTime() - t0) / 1e9);
        String[] rows = new String[residents];
        parallel(threads, residents, i -> {
            String body = c.post("subscribers/addKey", """
                    {"UnitID_internal": "%s", "ServicePlanID": "%s", "EmailAddress": "resident%d@bench.example", "GivenName": "Resident",
                     "FamilyName": "%d", "locale": "en-us", "contactpref_sms": false, "contactpref_email": false}"""
                    .formatted(unitIds[i / perUnit], plan, i, i));
            rows[i] = i + "," + RadiusLoad.mac(i) + "," + c.field(body, "psk") + "," + c.field(body, "vlan");
        });
        System.err.printf("setup: %d residents with keys in %.1f s%n", residents, (System.nanoTime() - t0) / 1e9);
        StringBuilder nas = new StringBuilder();
        String[][] kinds = {{"gateway", "Gateway", "MikroTik", "RB5009"}, {"openwrt", "Access Point", "OpenWrt", "hostapd"},
                {"cisco", "Access Point", "Cisco", "C9120AXI"}, {"aruba", "Access Point", "Aruba", "AP-515"},
                {"mikrotik", "Access Point", "MikroTik", "cAP ax"}, {"ruckus", "Access Point", "Ruckus", "R750"}};
        for (String[] k : kinds) {
            String equipment = c.field(c.post("equipment/addEquipment", """
                    {"VenueID": "%s", "EquipmentName": "bench-%s", "EquipmentType": "%s", "Manufacturer": "%s", "Model": "%s",
                     "ConnectionProtocol": "https", "IPAddress": "203.0.113.20", "Username": "admin", "Password": "equipment-password",
                     "Status": "In Service"}""".formatted(venue, k[0], k[1], k[2], k[3])), "EquipmentID");
            c.post("radius/addClient", """
                    {"Name": "bench %s", "Network": "127.0.0.1", "SharedSecret": "%s", "NASIdentifier": "bench-%s", "EquipmentID": "%s"}"""
                    .formatted(k[0], secret, k[0], equipment));
            nas.append(k[0]).append(' ').append("bench-").append(k[0]).append('\n');
        }
        Files.writeString(dir.resolve("residents.csv"), String.join("\n", rows) + "\n");
        Files.writeString(dir.resolve("nas.txt"), nas);
        System.err.printf("setup: done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    interface Step {
        void apply(int i) throws Exception;
    }

    static void parallel(int threads, int n, Step step) throws Exception {
        AtomicLong next = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> all = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                all.add(pool.submit(() -> {
                    for (long i; (i = next.getAndIncrement()) < n; ) {
                        step.apply((int) i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
    }

    /** The operator console API as a client calls it: JSON bodies, the access token as Bearer. */
    static final class Console {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final String base;
        private String token;

        Console(String base) {
            this.base = base;
        }

        void login(String email, String password) throws Exception {
            String body = send("/preview/subscriberconsole/login", "{\"EmailAddress\": \"%s\", \"Password\": \"%s\"}".formatted(email, password));
            token = field(body, "AccessToken");
        }

        String post(String route, String json) throws Exception {
            return send("/preview/networkoperatorconsole/" + route, json);
        }

        private String send(String path, String json) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        }

        /** A top-level or nested field's value (string or number) from a JSON body. */
        String field(String body, String name) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|-?[0-9]+)").matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no " + name + " in " + body);
            }
            return m.group(2) != null ? m.group(2) : m.group(1);
        }
    }

    // ---- RADIUS load --------------------------------------------------------------------------------

    record Resident(int index, String mac, String psk, int vlan) {
        byte[] station() {
            return HexFormat.of().parseHex(mac.replace("-", ""));
        }
    }

    /** What one request needs: its packet builder and what makes its answer a lookup. */
    record Case(String name, int devices, java.util.function.IntFunction<Probe> probe, boolean once) {
    }

    interface Probe {
        byte[] request(byte id) throws Exception;

        boolean found(byte[] request, byte[] reply) throws Exception;
    }

    static void run(Map<String, String> o) throws Exception {
        Path dir = Path.of(o.get("dir"));
        List<Resident> residents = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("residents.csv"))) {
            String[] f = line.split(",");
            residents.add(new Resident(Integer.parseInt(f[0]), f[1], f[2], Integer.parseInt(f[3])));
        }
        String secret = o.get("secret");
        String nas = o.get("nas");
        String ssid = o.getOrDefault("ssid", "Bench Residents");
        String name = o.get("case");
        int concurrency = Integer.parseInt(o.getOrDefault("concurrency", "8"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "5"));
        int devices = Math.min(residents.size(), Integer.parseInt(o.getOrDefault("devices", Integer.toString(residents.size()))));
        Path coldFile = dir.resolve("cold-count");
        int cold = Files.exists(coldFile) ? Integer.parseInt(Files.readString(coldFile).strip()) : 0;
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        Handshakes handshakes = new Handshakes();
        Case c = switch (name) {
            case "bind" -> new Case(name, devices, i -> pap(residents.get(i), nas, key), true);
            case "dpsk-cold", "dpsk-warm" -> {
                int n = name.equals("dpsk-cold") ? devices : cold;
                Object[] made = handshakes.make(n, concurrency, i -> residents.get(i).psk(), i -> residents.get(i).station(), ssid);
                yield new Case(name, n, i -> dpsk(residents.get(i).mac(), made[i], handshakes, nas, ssid, key), name.equals("dpsk-cold"));
            }
            case "dpsk-search" -> {
                int n = Math.min(cold, Integer.parseInt(o.getOrDefault("search-lookups", "200")));
                // device i of the search: a new MAC (02-01-...), the key of a cold device spread over the list
                Object[] made = handshakes.make(n, concurrency, i -> residents.get(spread(i, n, cold)).psk(),
                        i -> HexFormat.of().parseHex(newMac(i).replace("-", "")), ssid);
                yield new Case(name, n, i -> dpsk(newMac(i), made[i], handshakes, nas, ssid, key), true);
            }
            case "mac" -> new Case(name, cold, i -> macAuth(residents.get(i), nas, key, null), false);
            case "mac-key" -> new Case(name, devices, i -> macAuth(residents.get(i), nas, key, residents.get(i).psk()), false);
            default -> throw new IllegalArgumentException("unknown case " + name);
        };
        if (c.devices() == 0) {
            throw new IllegalStateException(name + ": no devices (run dpsk-cold first)");
        }
        Result r = load(c, Integer.parseInt(o.get("port")), concurrency, Integer.parseInt(o.getOrDefault("timeout-ms", "5000")), c.name().equals("bind") ? Integer.MAX_VALUE : seconds);
        if (name.equals("dpsk-cold")) {
            Files.writeString(coldFile, Long.toString(r.found()));
        }
        System.out.println(r.row(name, o.getOrDefault("server", "portico"), concurrency));
    }

    /** The search's keys are spread over the cold devices, so the search finds them at every depth of the venue's list. */
    static int spread(int i, int n, int cold) {
        return (int) ((long) i * cold / n);
    }

    static String newMac(int i) {
        return "02-01" + RadiusLoad.mac(i).substring(5);
    }

    record Result(long found, long requests, long accepted, long rejected, long lost, double seconds, long[] micros) {
        String row(String name, String server, int concurrency) {
            return String.format("| %s | %s | %d | %d | %d | %d | %d | %d | %.1f | %.1f | %.2f | %.2f |", name, server, concurrency, found, requests,
                    accepted, rejected, lost, seconds, found / seconds, pct(50), pct(99));
        }

        double pct(double p) {
            if (micros.length == 0) {
                return Double.NaN;
            }
            return micros[(int) Math.max(0, Math.min(micros.length - 1, Math.ceil(p / 100 * micros.length) - 1))] / 1000.0;
        }
    }

    /** Closed loop: each worker has one request in flight; once-cases take each device once, the others round robin. */
    static Result load(Case c, int port, int concurrency, int timeoutMs, int seconds) throws Exception {
        AtomicLong next = new AtomicLong(), found = new AtomicLong(), requests = new AtomicLong(), accepted = new AtomicLong(),
                rejected = new AtomicLong(), lost = new AtomicLong();
        InetAddress host = InetAddress.getLoopbackAddress();
        long deadline = System.nanoTime() + (seconds == Integer.MAX_VALUE ? Long.MAX_VALUE / 4 : seconds * 1_000_000_000L);
        List<long[]> latencies = new ArrayList<>();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<long[]>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    long[] mine = new long[1 << 16];
                    int count = 0;
                    byte id = 0;
                    try (DatagramSocket socket = new DatagramSocket()) {
                        socket.setSoTimeout(timeoutMs);
                        while (System.nanoTime() < deadline) {
                            long n = next.getAndIncrement();
                            if (c.once() && n >= c.devices()) {
                                break;
                            }
                            Probe p = c.probe().apply((int) (n % c.devices()));
                            byte[] request = p.request(++id);
                            long t = System.nanoTime();
                            byte[] reply = RadiusLoad.exchange(socket, host, port, request, id);
                            long micros = (System.nanoTime() - t) / 1000;
                            requests.incrementAndGet();
                            if (reply == null) {
                                lost.incrementAndGet();
                                continue;
                            }
                            if (count == mine.length) {
                                mine = Arrays.copyOf(mine, count * 2);
                            }
                            mine[count++] = micros;
                            if (reply[0] == RadiusLoad.ACCESS_ACCEPT) {
                                accepted.incrementAndGet();
                                if (p.found(request, reply)) {
                                    found.incrementAndGet();
                                }
                            } else {
                                rejected.incrementAndGet();
                            }
                        }
                    }
                    return Arrays.copyOf(mine, count);
                }));
            }
            for (Future<long[]> f : workers) {
                latencies.add(f.get());
            }
        }
        double took = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(found.get(), requests.get(), accepted.get(), rejected.get(), lost.get(), took, all);
    }

    static Probe pap(Resident r, String nas, byte[] secret) {
        return new Probe() {
            public byte[] request(byte id) throws Exception {
                byte[] authenticator = new byte[16];
                RANDOM.nextBytes(authenticator);
                ByteArrayOutputStream a = attributes(r.mac(), nas);
                RadiusLoad.attribute(a, 2, hide(r.psk().getBytes(StandardCharsets.US_ASCII), secret, authenticator));
                return sign(RadiusLoad.packet((byte) 1, id, authenticator, a.toByteArray()), secret);
            }

            public boolean found(byte[] request, byte[] reply) {
                return true;
            }
        };
    }

    /** MAC authentication as access points send it (RadiusLoad's request: MAC as User-Name and Calling-Station-Id). */
    static Probe macAuth(Resident r, String nas, byte[] secret, String expectedKey) {
        return new Probe() {
            public byte[] request(byte id) throws Exception {
                byte[] authenticator = new byte[16];
                RANDOM.nextBytes(authenticator);
                return sign(RadiusLoad.packet((byte) 1, id, authenticator, attributes(r.mac(), nas).toByteArray()), secret);
            }

            public boolean found(byte[] request, byte[] reply) throws Exception {
                if (expectedKey == null) {
                    return true;
                }
                byte[] value = attribute(reply, TUNNEL_PASSWORD);
                return value != null && expectedKey.equals(new String(unhide(Arrays.copyOfRange(value, 1, value.length), request, secret),
                        StandardCharsets.US_ASCII));
            }
        };
    }

    /** What a Ruckus AP sends for dynamic PSK: the station, BSSID:SSID and Ruckus-DPSK-Params. Found: the PMK came back. */
    static Probe dpsk(String mac, Object handshake, Handshakes h, String nas, String ssid, byte[] secret) {
        return new Probe() {
            public byte[] request(byte id) throws Exception {
                byte[] authenticator = new byte[16];
                RANDOM.nextBytes(authenticator);
                ByteArrayOutputStream a = attributes(mac, nas);
                RadiusLoad.attribute(a, 30, (AP_BSSID + ":" + ssid).getBytes(StandardCharsets.UTF_8));
                byte[] params = h.params(handshake);
                ByteArrayOutputStream v = new ByteArrayOutputStream();
                v.writeBytes(RadiusLoad.int32(VENDOR_RUCKUS));
                v.write(RUCKUS_DPSK_PARAMS);
                v.write(params.length + 2);
                v.writeBytes(params);
                RadiusLoad.attribute(a, 26, v.toByteArray());
                return sign(RadiusLoad.packet((byte) 1, id, authenticator, a.toByteArray()), secret);
            }

            public boolean found(byte[] request, byte[] reply) throws Exception {
                byte[] value = vendorAttribute(reply, 311, 17); // MS-MPPE-Recv-Key
                return value != null && Arrays.equals(unhide(value, request, secret), h.pmk(handshake));
            }
        };
    }

    /** Message-Authenticator first, then User-Name, Calling-Station-Id, NAS-Identifier, NAS-IP-Address. */
    static ByteArrayOutputStream attributes(String mac, String nas) {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        RadiusLoad.attribute(a, 80, new byte[16]);
        RadiusLoad.attribute(a, 1, mac.getBytes(StandardCharsets.US_ASCII));
        RadiusLoad.attribute(a, 31, mac.getBytes(StandardCharsets.US_ASCII));
        RadiusLoad.attribute(a, 32, nas.getBytes(StandardCharsets.US_ASCII));
        RadiusLoad.attribute(a, 4, new byte[] {127, 0, 0, 1});
        return a;
    }

    static byte[] sign(byte[] packet, byte[] secret) throws Exception {
        Mac hmac = Mac.getInstance("HmacMD5");
        hmac.init(new SecretKeySpec(secret, "HmacMD5"));
        System.arraycopy(hmac.doFinal(packet), 0, packet, 22, 16);
        return packet;
    }

    /** RFC 2865 §5.2 User-Password. */
    static byte[] hide(byte[] clear, byte[] secret, byte[] authenticator) throws Exception {
        byte[] out = Arrays.copyOf(clear, (clear.length + 15) / 16 * 16);
        byte[] prev = authenticator;
        for (int at = 0; at < out.length; at += 16) {
            byte[] b = md5(secret, prev);
            for (int i = 0; i < 16; i++) {
                out[at + i] ^= b[i];
            }
            prev = Arrays.copyOfRange(out, at, at + 16);
        }
        return out;
    }

    /** RFC 2868 §3.5 / RFC 2548 §2.4.3 read back: salt ‖ ciphertext; the first clear octet is the length. */
    static byte[] unhide(byte[] value, byte[] request, byte[] secret) throws Exception {
        byte[] prev = md5(secret, Arrays.copyOfRange(request, 4, 20), Arrays.copyOfRange(value, 0, 2));
        byte[] cipher = Arrays.copyOfRange(value, 2, value.length);
        byte[] clear = new byte[cipher.length];
        for (int at = 0; at + 16 <= cipher.length; at += 16) {
            for (int i = 0; i < 16; i++) {
                clear[at + i] = (byte) (cipher[at + i] ^ prev[i]);
            }
            prev = md5(secret, Arrays.copyOfRange(cipher, at, at + 16));
        }
        int length = clear.length == 0 ? 0 : clear[0] & 0xFF;
        return length < clear.length ? Arrays.copyOfRange(clear, 1, 1 + length) : new byte[0];
    }

    static byte[] md5(byte[]... parts) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        for (byte[] p : parts) {
            md5.update(p);
        }
        return md5.digest();
    }

    static byte[] attribute(byte[] packet, int type) {
        for (int at = 20; at + 1 < packet.length && (packet[at + 1] & 0xFF) >= 2; at += packet[at + 1] & 0xFF) {
            if ((packet[at] & 0xFF) == type) {
                return Arrays.copyOfRange(packet, at + 2, at + (packet[at + 1] & 0xFF));
            }
        }
        return null;
    }

    static byte[] vendorAttribute(byte[] packet, int vendor, int type) {
        for (int at = 20; at + 7 < packet.length && (packet[at + 1] & 0xFF) >= 2; at += packet[at + 1] & 0xFF) {
            int id = ((packet[at + 2] & 0xFF) << 24) | ((packet[at + 3] & 0xFF) << 16) | ((packet[at + 4] & 0xFF) << 8) | (packet[at + 5] & 0xFF);
            if ((packet[at] & 0xFF) == 26 && id == vendor && (packet[at + 6] & 0xFF) == type) {
                return Arrays.copyOfRange(packet, at + 8, at + 6 + (packet[at + 7] & 0xFF));
            }
        }
        return null;
    }

    /**
     * The DPSK tests' handshake (io.portico.radius.internal.TestHandshake, package-private in
     * target/test-classes), reached by reflection so the load and the tests share one PRF/MIC.
     * Handshakes are made before the timed run: each costs the generator a PBKDF2.
     */
    static final class Handshakes {
        private final Method of, params, pmk;

        Handshakes() throws Exception {
            Class<?> type = Class.forName("io.portico.radius.internal.TestHandshake");
            of = type.getDeclaredMethod("of", String.class, String.class, byte[].class, long.class);
            params = type.getDeclaredMethod("dpskParams");
            pmk = type.getDeclaredMethod("pmk");
            for (Method m : List.of(of, params, pmk)) {
                m.setAccessible(true);
            }
        }

        Object[] make(int n, int threads, java.util.function.IntFunction<String> key, java.util.function.IntFunction<byte[]> station,
                      String ssid) throws Exception {
            Object[] out = new Object[n];
            long t = System.nanoTime();
            parallel(Math.max(1, Math.min(threads, Runtime.getRuntime().availableProcessors())), n,
                    i -> out[i] = of.invoke(null, key.apply(i), ssid, station.apply(i), (long) i * 2 + 1));
            System.err.printf("%d handshakes made in %.1f s (not timed)%n", n, (System.nanoTime() - t) / 1e9);
            return out;
        }

        byte[] params(Object handshake) throws Exception {
            return (byte[]) params.invoke(handshake);
        }

        byte[] pmk(Object handshake) throws Exception {
            return (byte[]) pmk.invoke(handshake);
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        return o;
    }
}
