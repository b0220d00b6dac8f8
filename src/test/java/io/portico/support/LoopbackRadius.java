package io.portico.support;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;

import org.springframework.context.ApplicationContext;

import io.portico.radius.AccountingSink;
import io.portico.radius.RadiusProperties;
import io.portico.radius.internal.AuthorizationChain;
import io.portico.radius.internal.NasClientRegistry;
import io.portico.radius.internal.RadiusMetrics;
import io.portico.radius.internal.RadiusServer;

/**
 * Portico's real RADIUS server (the application's authorisation chain and accounting) on free
 * loopback ports, for tests outside the radius module that need a gateway to talk to it: the shared
 * test context runs with {@code portico.radius.enabled=false}, as the RADIUS tests do.
 */
public final class LoopbackRadius implements AutoCloseable {

    private final RadiusServer server;

    private LoopbackRadius(RadiusServer server) {
        this.server = server;
    }

    public static LoopbackRadius start(ApplicationContext context) {
        var server = new RadiusServer(properties(), context.getBean(NasClientRegistry.class), context.getBean(AuthorizationChain.class),
                context.getBean(AccountingSink.class), context.getBean(RadiusMetrics.class), context.getBean(Clock.class));
        server.start();
        return new LoopbackRadius(server);
    }

    /** RADIUS on 127.0.0.1, ports 0 (free ones), with the defaults' limits and short timeouts. */
    public static RadiusProperties properties() {
        return new RadiusProperties(true, "127.0.0.1", 0, 0, true, Duration.ofSeconds(30), 4096, 16, 500, 20000, 4,
                Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofMillis(300), 3);
    }

    public InetSocketAddress auth() {
        return new InetSocketAddress("127.0.0.1", server.authPort());
    }

    public InetSocketAddress acct() {
        return new InetSocketAddress("127.0.0.1", server.acctPort());
    }

    @Override
    public void close() {
        server.stop();
    }
}
