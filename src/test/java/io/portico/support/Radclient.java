package io.portico.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs FreeRADIUS's own {@code radclient} (Debian package freeradius-utils) against a test server
 * on 127.0.0.1. When it is missing it is installed with apt-get (as root); only when that is
 * impossible are the tests skipped, with a message, and never under {@code CI=true}.
 */
public final class Radclient {

    public record Result(int exitCode, String output) {
        public boolean received(String packetType) {
            return output.contains("Received " + packetType);
        }
    }

    private static volatile Boolean available;

    private Radclient() {
    }

    public static void requireInstalled() {
        if (available == null) {
            synchronized (Radclient.class) {
                if (available == null) {
                    available = onPath() || (tryInstall() && onPath());
                }
            }
        }
        if (!available) {
            String message = "radclient (Debian package freeradius-utils) is not installed and could not be installed with apt-get";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            System.err.println("RADIUS radclient tests skipped: " + message);
            Assumptions.abort(message);
        }
    }

    /** Sends the attribute lines ({@code Name = value} each) as one request; {@code command} is auth or acct. */
    public static Result send(int port, String command, String secret, String... attributes) {
        return run(List.of("radclient", "-x", "-r", "2", "-t", "2", "127.0.0.1:" + port, command, secret), String.join("\n", attributes) + "\n");
    }

    private static Result run(List<String> command, String input) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("radclient did not finish in 30 s");
            }
            return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "radclient"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean tryInstall() {
        try {
            if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
                return false;
            }
            Process p = new ProcessBuilder("sh", "-c", "apt-get install -y -qq freeradius-utils || (apt-get update -qq && apt-get install -y -qq freeradius-utils)")
                    .redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
