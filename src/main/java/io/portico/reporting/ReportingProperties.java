package io.portico.reporting;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portico.reporting.*}.
 *
 * @param checkInterval how often the scheduler looks for operators whose report is due (a report
 *                      goes out at most this late after its period ends)
 * @param emailRows     subscriptions listed in the email's body (the CSV has them all)
 */
@ConfigurationProperties("portico.reporting")
public record ReportingProperties(@DefaultValue("5m") Duration checkInterval, @DefaultValue("25") int emailRows) {
}
