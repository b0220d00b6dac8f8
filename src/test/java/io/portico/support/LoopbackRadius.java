package io.portico.support;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import io.portico.radius.AccountingSink;
import io.portico.radius.RadiusProperties;
import io.portico.radius.internal.AuthorizationChain;
import io.portico.radius.internal.NasClientRegistry;
import io.portico.radius.internal.RadiusMetrics;
import io.portico.radius.internal.RadiusServer;

/**
 * Portico's real RADIUS server (the application's authorisation chain and accounting) on free
 * loopback ports, for tests outside the radius module that need a gateway to talk to it: the shared
 * test context runs with {@code portico.radius.enabled=false}, as the RADIUS tests do. A JUnit
 * extension: {@code @RegisterExtension static final LoopbackRadius radius = new LoopbackRadius();}
 * starts it on the test's application context before the class's tests (and its own
 * {@code @BeforeAll} methods) and stops it after them.
 */
public final class LoopbackRadius implements BeforeAllCallback, AfterAllCallback {

    private @Nullable RadiusServer server;

    @Override
    public void beforeAll(ExtensionContext extension) {
        ApplicationContext context = SpringExtension.getApplicationContext(extension);
        RadiusServer started = new RadiusServer(properties(), context.getBean(NasClientRegistry.class),
                context.getBean(AuthorizationChain.class), context.getBean(AccountingSink.class), context.getBean(RadiusMetrics.class),
                context.getBean(Clock.class));
        started.start();
        server = started;
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** RADIUS on 127.0.0.1, ports 0 (free ones), with the defaults' limits and short timeouts. */
    public static RadiusProperties properties() {
        return new RadiusProperties(true, "127.0.0.1", 0, 0, true, Duration.ofSeconds(30), 4096, 16, 500, 20000, 4,
                Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofMillis(300), 3);
    }

    public InetSocketAddress auth() {
        return new InetSocketAddress("127.0.0.1", running().authPort());
    }

    public InetSocketAddress acct() {
        return new InetSocketAddress("127.0.0.1", running().acctPort());
    }

    private RadiusServer running() {
        if (server == null) {
            throw new IllegalStateException("LoopbackRadius runs between its test class's @BeforeAll and @AfterAll (register it as a static extension)");
        }
        return server;
    }
}
