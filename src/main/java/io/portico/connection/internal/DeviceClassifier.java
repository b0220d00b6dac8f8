package io.portico.connection.internal;

import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;

import ua_parser.Client;
import ua_parser.Parser;

import io.portico.platform.Caches;

/**
 * Names a device's family (Apple, Android, Windows, ...) from its user agent with ua-parser's
 * maintained regex set, for the connections report's {@code device}. Parsing is regex-heavy and
 * a hotspot sees few distinct user agents, so results are cached.
 */
@Component
public class DeviceClassifier {

    private final Parser parser = new Parser();
    private final Cache<String, Optional<String>> cache = Caches.builder().maximumSize(20_000).build();

    /** The device family, or empty when there is no user agent. */
    public Optional<String> device(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return Optional.empty();
        }
        return cache.get(userAgent, this::classify);
    }

    private Optional<String> classify(String userAgent) {
        Client client = parser.parse(userAgent);
        String os = client.os == null || client.os.family == null ? "" : client.os.family.toLowerCase(Locale.ROOT);
        String brand = client.device == null || client.device.family == null ? "" : client.device.family.toLowerCase(Locale.ROOT);
        if (os.equals("ios") || os.equals("ipados") || os.startsWith("mac os") || os.equals("macos") || os.equals("watchos")
                || os.equals("tvos") || brand.startsWith("iphone") || brand.startsWith("ipad") || brand.equals("mac")) {
            return Optional.of("Apple");
        }
        if (os.startsWith("android")) {
            return Optional.of("Android");
        }
        if (os.startsWith("windows")) {
            return Optional.of("Windows");
        }
        if (os.equals("chrome os") || os.equals("chromeos")) {
            return Optional.of("Chrome OS");
        }
        if (os.equals("linux") || os.equals("ubuntu") || os.equals("fedora") || os.equals("debian")) {
            return Optional.of("Linux");
        }
        if (brand.equals("spider")) {
            return Optional.of("Bot");
        }
        return Optional.of("Other");
    }
}
