package io.portico.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import io.portico.support.PorticoIntegrationTest;

@PorticoIntegrationTest
@Import(SchedulingTest.TaskConfig.class)
@TestPropertySource(properties = "portico.scheduler.heartbeat-interval=1s")
// Closed afterwards: with 1 s heartbeats its scheduler would take other cached contexts' running executions
// (10 s heartbeats) for dead ones and run them a second time.
@DirtiesContext
class SchedulingTest {

    static final List<String> RAN = new CopyOnWriteArrayList<>();
    static final TaskDescriptor<String> ECHO = TaskDescriptor.of("test-echo", String.class);

    @TestConfiguration(proxyBeanMethods = false)
    static class TaskConfig {
        @Bean
        OneTimeTask<String> echo() {
            return Tasks.oneTime(ECHO).execute((instance, context) -> RAN.add(instance.getData()));
        }
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void aScheduledOneTimeTaskRunsOnceAndLeavesNoRowBehind() {
        SchedulerClient client = SchedulerClient.Builder.create(dataSource).build();
        client.scheduleIfNotExists(ECHO.instance("job-1").data("hello").scheduledTo(Instant.now()));
        // Scheduling the same instance again before it ran is a no-op: each job exists once.
        client.scheduleIfNotExists(ECHO.instance("job-1").data("hello again").scheduledTo(Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> RAN.contains("hello"));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.sql("select count(*) from scheduled_tasks where task_name = 'test-echo'").query(Long.class).single() == 0);
        assertThat(RAN).filteredOn(s -> s.startsWith("hello")).containsExactly("hello");
    }

    @Test
    void anExecutionLeftPickedByAnInstanceThatDiedRunsAgainAfterSixMissedHeartbeats() {
        SchedulerClient client = SchedulerClient.Builder.create(dataSource).build();
        client.scheduleIfNotExists(ECHO.instance("job-crashed").data("revived").scheduledTo(Instant.now().plus(Duration.ofHours(1))));
        // As a node killed mid-run leaves it: picked, by a name that will never beat again, 20 s ago. With
        // db-scheduler's default (5 min heartbeats) it would stay stuck for half an hour.
        assertThat(jdbc.sql("update scheduled_tasks set picked = true, picked_by = 'killed-node',"
                        + " last_heartbeat = ?, execution_time = ? where task_name = 'test-echo' and task_instance = 'job-crashed'")
                .params(java.sql.Timestamp.from(Instant.now().minusSeconds(20)), java.sql.Timestamp.from(Instant.now().minusSeconds(20)))
                .update()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> RAN.contains("revived"));
    }
}
