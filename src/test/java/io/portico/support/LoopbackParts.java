package io.portico.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import java.util.function.Supplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real parts the engine tests talk to, on loopback: a started GreenMail, a webhook receiver, a
 * port that refuses connections. Servers bind port 0 and the test reads the port they got, never
 * a port found free and closed first (another process could take it in between).
 */
public final class LoopbackParts {

    private LoopbackParts() {
    }

    /**
     * A loopback TCP port that refuses connections while this is open: a socket bound to it that
     * does not listen, so no other server can take the port meanwhile.
     */
    public static final class RefusingPort implements AutoCloseable {

        private final Socket socket = new Socket();

        public RefusingPort() {
            try {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress("127.0.0.1", 0));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a bound, unconnected socket
            }
        }
    }

    /**
     * SMTP on 127.0.0.1:{@code port}. GreenMail's default 2 s start-up wait is too short on a busy
     * shared machine, so it may take up to 15 s.
     */
    public static ServerSetup smtpSetup(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(15_000);
        return setup;
    }

    /** An SMTP server on 127.0.0.1:{@code port}, started (0: a free port, read it with {@link #port}). */
    public static GreenMail smtp(int port) {
        GreenMail mail = new GreenMail(smtpSetup(port));
        mail.start();
        return mail;
    }

    /** An SMTP server on a free loopback port, started. */
    public static GreenMail smtp() {
        return smtp(0);
    }

    /** The port a started SMTP server is bound to. */
    public static int port(GreenMail smtp) {
        return smtp.getSmtp().getPort();
    }

    /**
     * Points the context's mail sender at a loopback SMTP server (no STARTTLS) and makes the
     * e-mail dispatcher and db-scheduler poll every 200 ms, so a test sees a mail within a second.
     */
    public static void sendMailTo(DynamicPropertyRegistry registry, GreenMail smtp) {
        sendMailTo(registry, () -> port(smtp));
    }

    /** As {@link #sendMailTo(DynamicPropertyRegistry, GreenMail)}, for an SMTP port known otherwise. */
    public static void sendMailTo(DynamicPropertyRegistry registry, Supplier<Object> smtpPort) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", smtpPort);
        registry.add("spring.mail.properties.mail.smtp.starttls.enable", () -> "false");
        registry.add("portico.notification.dispatch-interval", () -> "200ms");
        registry.add("portico.scheduler.polling-interval", () -> "200ms");
    }

    public static WebhookReceiver webhookReceiver() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
