package io.portico.support;

import java.io.IOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** The real parts the engine tests talk to, on loopback: a free port, a started GreenMail, a webhook receiver. */
public final class LoopbackParts {

    private LoopbackParts() {
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
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

    /** An SMTP server on 127.0.0.1:{@code port}, started. */
    public static GreenMail smtp(int port) {
        GreenMail mail = new GreenMail(smtpSetup(port));
        mail.start();
        return mail;
    }

    public static WebhookReceiver webhookReceiver() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
