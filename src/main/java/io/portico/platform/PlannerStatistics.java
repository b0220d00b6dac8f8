package io.portico.platform;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives PostgreSQL's planner statistics for tables that were filled but never analysed: once the
 * application is ready, so after the {@code --demo} load (an application runner), and for any bulk
 * import that calls {@link #analyseNeverAnalysed}. Servers often run without autovacuum, and then
 * nothing else analyses a table. The RADIUS look-ups are indexed so that they keep index plans on
 * stale statistics anyway ({@code HotQueryPlansTest}); the reports plan better on fresh ones. A
 * no-op on H2, which plans without statistics.
 */
@Component
public class PlannerStatistics {

    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

    private final JdbcTemplate jdbc;

    public PlannerStatistics(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        List<String> analysed = analyseNeverAnalysed();
        if (!analysed.isEmpty()) {
            log.info("Analysed {} tables that had rows but no planner statistics", analysed.size());
        }
    }

    /**
     * Analyses the tables of Portico's schema (the connection's current schema) that hold data but
     * were never analysed ({@code reltuples} is -1 until the first ANALYZE or VACUUM); returns them.
     */
    public List<String> analyseNeverAnalysed() {
        if (!postgres()) {
            return List.of();
        }
        List<String> tables = jdbc.queryForList("""
                select c.relname from pg_class c
                 where c.relnamespace = (select n.oid from pg_namespace n where n.nspname = current_schema()) and c.relkind = 'r'
                   and c.reltuples < 0 and pg_relation_size(c.oid) > 0
                 order by c.relname""", String.class);
        if (!tables.isEmpty()) {
            jdbc.execute("analyze " + String.join(", ", tables.stream().map(t -> "\"" + t.replace("\"", "\"\"") + "\"").toList()));
        }
        return tables;
    }

    private boolean postgres() {
        return Boolean.TRUE.equals(jdbc.execute((Connection c) -> "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName())));
    }
}
