package io.portico.webhook.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * POSTs one signed webhook and reports the outcome. Redirects are not followed (a redirect could
 * lead to an internal address); bodies of answers are kept to a short excerpt for the log.
 */
public final class WebhookHttpSender {

    static final int EXCERPT = 1024;

    /**
     * One attempt's result.
     *
     * @param status HTTP status, 0 when no answer came
     * @param responseExcerpt the start of the receiver's answer, or what went wrong
     */
    public record Attempt(boolean delivered, int status, String responseExcerpt) {
    }

    private final HttpClient http;
    private final Duration readTimeout;

    public WebhookHttpSender(Duration connectTimeout, Duration readTimeout) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.readTimeout = readTimeout;
    }

    public Attempt send(String url, String messageId, long timestampSeconds, String body, String secret, @Nullable String userAgent) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.strip()))
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", userAgent == null ? "Portico-Webhooks/1" : userAgent)
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestampSeconds))
                .header("webhook-signature", StandardWebhookSigner.sign(secret, messageId, timestampSeconds, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String excerpt = response.body() == null ? "" : response.body().strip();
            if (excerpt.length() > EXCERPT) {
                excerpt = excerpt.substring(0, EXCERPT);
            }
            int status = response.statusCode();
            return new Attempt(status >= 200 && status < 300, status, excerpt);
        } catch (HttpTimeoutException e) {
            return new Attempt(false, 0, "Timed out after " + readTimeout.toSeconds() + " s.");
        } catch (IOException e) {
            return new Attempt(false, 0, "Not delivered: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(false, 0, "Interrupted.");
        } catch (IllegalArgumentException e) {
            return new Attempt(false, 0, "Invalid URL.");
        }
    }
}
