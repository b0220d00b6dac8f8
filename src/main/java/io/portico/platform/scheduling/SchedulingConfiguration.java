package io.portico.platform.scheduling;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;

/**
 * The cluster-safe scheduler behind the engines: db-scheduler on Portico's own database. Every
 * {@link Task} bean is registered; recurring ones are started. Several Portico instances on one
 * database share the table, and each execution is picked by exactly one of them.
 *
 * <p>The scheduler ticks on real time. Business time (when an email or a VLAN change is due)
 * comes from the application's {@link java.time.Clock} inside each task, so tests can move it.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SchedulingConfiguration.class);

    /**
     * {@code portico.scheduler.*}.
     *
     * @param enabled     run scheduled work on this instance (a read-only replica may turn it off)
     * @param pollingInterval how often due executions are looked for
     * @param threads     executions run at once on this instance
     * @param heartbeatInterval how often a running execution says it is alive; one whose instance
     *                    stopped saying so for six intervals (it crashed or was killed) is run
     *                    again by another instance or the restarted one. db-scheduler's own
     *                    default, 5 minutes, left the engines (webhooks, emails, VLAN changes,
     *                    the overview's rollup) stalled for half an hour after a crash.
     */
    @ConfigurationProperties("portico.scheduler")
    record SchedulerProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration pollingInterval,
                               @DefaultValue("4") int threads, @DefaultValue("10s") Duration heartbeatInterval) {

        SchedulerProperties {
            if (heartbeatInterval.compareTo(Duration.ofSeconds(1)) < 0 || heartbeatInterval.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("portico.scheduler.heartbeat-interval must be between 1s and 10m");
            }
        }
    }

    /** Missed heartbeats after which an execution counts as dead (db-scheduler's default). */
    static final int MISSED_HEARTBEATS = 6;

    @Bean
    SchedulerLifecycle porticoScheduler(DataSource dataSource, ObjectProvider<Task<?>> taskBeans, SchedulerProperties properties) {
        List<Task<?>> tasks = taskBeans.orderedStream().toList();
        List<Task<?>> onStartup = tasks.stream().filter(t -> t instanceof OnStartup).toList();
        List<Task<?>> others = tasks.stream().filter(t -> !(t instanceof OnStartup)).toList();
        Supplier<Scheduler> factory = () -> Scheduler.create(dataSource, others)
                .startTasks(onStartup.stream().map(t -> (Task<?> & OnStartup) t).toList())
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                .build();
        return new SchedulerLifecycle(factory, properties.enabled(), tasks.size());
    }

    /**
     * Starts a scheduler after the application is up and stops it first on shutdown. A stopped
     * db-scheduler cannot be restarted, so each start builds a new one (Spring may stop and
     * restart a context, as the test framework does with cached contexts).
     */
    public static final class SchedulerLifecycle implements SmartLifecycle {

        private final Supplier<Scheduler> factory;
        private final boolean enabled;
        private final int taskCount;
        private volatile @Nullable Scheduler scheduler;

        SchedulerLifecycle(Supplier<Scheduler> factory, boolean enabled, int taskCount) {
            this.factory = factory;
            this.enabled = enabled;
            this.taskCount = taskCount;
        }

        @Override
        public synchronized void start() {
            if (enabled && scheduler == null) {
                Scheduler started = factory.get();
                started.start();
                scheduler = started;
                log.info("Scheduler started with {} tasks", taskCount);
            }
        }

        @Override
        public synchronized void stop() {
            Scheduler running = scheduler;
            if (running != null) {
                running.stop();
                scheduler = null;
            }
        }

        @Override
        public boolean isRunning() {
            return scheduler != null;
        }

        @Override
        public int getPhase() {
            return Integer.MAX_VALUE - 100;
        }
    }
}
