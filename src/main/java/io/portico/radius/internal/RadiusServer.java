package io.portico.radius.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.portico.radius.AccountingSink;
import io.portico.radius.RadiusProperties;

/**
 * The two RADIUS listeners, started and stopped with the application (a {@link SmartLifecycle}
 * that starts after the database and web server beans and stops before them, so queued accounting
 * is written before the pool closes). Tests construct one directly on port 0.
 */
public class RadiusServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RadiusServer.class);

    private final RadiusProperties properties;
    private final NasClientRegistry clients;
    private final AuthorizationChain authorization;
    private final AccountingSink sink;
    private final RadiusMetrics metrics;
    private final Clock clock;
    private volatile UdpListener auth;
    private volatile UdpListener acct;
    private volatile GroupCommitter committer;

    public RadiusServer(RadiusProperties properties, NasClientRegistry clients, AuthorizationChain authorization,
                        AccountingSink sink, RadiusMetrics metrics, Clock clock) {
        this.properties = properties;
        this.clients = clients;
        this.authorization = authorization;
        this.sink = sink;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        clients.reload();
        var duplicates = new DuplicateCache(properties.duplicateWindow(), 1_000_000);
        committer = new GroupCommitter(sink, properties.accountingBatchSize(), properties.accountingQueueCapacity(),
                properties.accountingWriters(), metrics);
        var accounting = new AccountingWork(new AccountingStep(properties.defaultInterimInterval(), properties.staleMargin()), committer);
        try {
            auth = new UdpListener("auth", new InetSocketAddress(properties.bindAddress(), properties.authPort()),
                    new RequestPipeline("auth", RadiusCodec.ACCESS_REQUEST, properties.requireMessageAuthenticator(), clients, duplicates,
                            metrics, clock, authorization), properties.maxInFlight(), metrics, properties.authWorkers());
            acct = new UdpListener("acct", new InetSocketAddress(properties.bindAddress(), properties.acctPort()),
                    new RequestPipeline("acct", RadiusCodec.ACCOUNTING_REQUEST, false, clients, duplicates, metrics, clock, accounting),
                    properties.maxInFlight(), metrics, true);
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("cannot bind the RADIUS listeners on " + properties.bindAddress(), e);
        }
        committer.start();
        auth.start();
        acct.start();
        log.info("RADIUS listening on {} (auth UDP {}, accounting UDP {}), Message-Authenticator {}", properties.bindAddress(),
                auth.port(), acct.port(), properties.requireMessageAuthenticator() ? "required" : "optional");
    }

    @Override
    public synchronized void stop() {
        if (auth != null) {
            auth.close();
        }
        if (acct != null) {
            acct.close();
        }
        if (committer != null) {
            committer.close();
        }
        auth = null;
        acct = null;
        committer = null;
    }

    @Override
    public boolean isRunning() {
        return auth != null && acct != null;
    }

    public int authPort() {
        return auth.port();
    }

    public int acctPort() {
        return acct.port();
    }
}
