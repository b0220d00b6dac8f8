package io.portico.demo;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo settings ({@code PORTICO_DEMO_*}).
 *
 * @param enabled  load the demo data set (set by {@code --demo} or {@code PORTICO_DEMO=true})
 * @param apiToken when set, the first demo client's guest API token, so scripts can call the API
 * @param adminPassword the password of the demo administrators
 * @param webhookUrl    when set ({@code PORTICO_DEMO_WEBHOOK_URL}), the demo operator's WebhookURL, with private
 *                      targets allowed so a receiver on the same machine works
 * @param webhookSecret when set ({@code PORTICO_DEMO_WEBHOOK_SECRET}), the demo operator's signing secret
 * @param radiusSecret the shared secret of 127.0.0.1 as RADIUS client of every demo hotspot and gateway
 *                     ({@code PORTICO_DEMO_RADIUS_SECRET}); random, and printed once to the log, when unset
 */
@ConfigurationProperties("portico.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled, @Nullable String apiToken,
                             @DefaultValue("portico-demo-password") String adminPassword, @Nullable String webhookUrl,
                             @Nullable String webhookSecret, @Nullable String radiusSecret) {
}
