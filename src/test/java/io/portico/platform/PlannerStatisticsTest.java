package io.portico.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.portico.support.DatabaseTarget;

/** After a load (the demo data set), PostgreSQL gets planner statistics for the tables that have none; H2 is left alone. */
@Tag("database")
class PlannerStatisticsTest {

    @Test
    void analysesFilledTablesThatWereNeverAnalysedOnPostgresqlOnly(@TempDir Path dir) {
        boolean postgres = DatabaseTarget.current() == DatabaseTarget.POSTGRES;
        Map<String, String> db = DatabaseTarget.current().standalone(dir, "statistics");
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(db.get("spring.datasource.url"),
                db.getOrDefault("spring.datasource.username", "sa"), "", true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("create table loaded (id bigint primary key, mac varchar(17) not null)");
            jdbc.update("insert into loaded select x, 'AA-' || x from "
                    + (postgres ? "generate_series(1, 1000) x" : "system_range(1, 1000) t(x)"));

            jdbc.execute("create table empty (id bigint primary key)");
            PlannerStatistics statistics = new PlannerStatistics(dataSource);

            if (postgres) {
                assertThat(statistics.analyseNeverAnalysed()).containsExactly("loaded");
                assertThat(jdbc.queryForObject("select reltuples from pg_class where oid = 'loaded'::regclass", Float.class))
                        .isEqualTo(1000f);
                assertThat(statistics.analyseNeverAnalysed()).as("analysed once").isEmpty();
            } else {
                assertThat(statistics.analyseNeverAnalysed()).isEmpty();
            }
        } finally {
            dataSource.destroy();
        }
    }
}
