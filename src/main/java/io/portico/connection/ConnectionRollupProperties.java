package io.portico.connection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The overview's daily and hourly rollups ({@code portico.connection.rollup.*}), run by the connection-rollup task.
 *
 * @param enabled   whether the task runs and the overview reads rolled-up days and hours (off: every day is counted from the sessions)
 * @param interval  how often the task rolls up days and UTC hours that ended and re-rolls those that received late records
 * @param settle    how long after a day ends its sessions closed without a Stop (stale, Accounting-On) or
 *                  started by an Interim make the task roll it up again on each run (a later packet can reopen
 *                  or move them); open sessions make it roll the day up again on every run, whatever its age
 * @param idMargin  session ids below the last one seen that each run looks at again, for rows that committed
 *                  after a row with a higher id
 */
@ConfigurationProperties("portico.connection.rollup")
public record ConnectionRollupProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5m") Duration interval,
                                         @DefaultValue("2d") Duration settle, @DefaultValue("10000") long idMargin) {

    public ConnectionRollupProperties {
        if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("portico.connection.rollup.interval must be between 1s and 1d");
        }
        if (settle.isNegative() || settle.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("portico.connection.rollup.settle must be between 0 and 30d");
        }
        if (idMargin < 0) {
            throw new IllegalArgumentException("portico.connection.rollup.id-margin must not be negative");
        }
    }
}
