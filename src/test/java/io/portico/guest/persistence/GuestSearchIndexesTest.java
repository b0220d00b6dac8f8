package io.portico.guest.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.portico.guest.Guest;
import io.portico.support.DatabaseTarget;

/**
 * On PostgreSQL the guest search's indexes hold only the guests that have the searched field
 * (V150): a first-seen device, made a guest by the accounting path with no email and no name,
 * writes no entry into them, and the search's own statements (captured from the repository as it
 * sends them) still find their rows through them.
 */
@Tag("database")
class GuestSearchIndexesTest {

    static SingleConnectionDataSource dataSource;
    static JdbcTemplate jdbc;
    static final List<String> statements = new ArrayList<>();
    static final List<TreeMap<Integer, Object>> parameters = new ArrayList<>();
    static GuestSearchRepository search;

    @BeforeAll
    static void load(@TempDir Path dir) {
        assumeTrue(DatabaseTarget.current() == DatabaseTarget.POSTGRES, "PostgreSQL's partial indexes only");
        dataSource = DatabaseTarget.migratedPostgresSchema(dir, "search");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.update("insert into operator (operator_key, name, created_at) values ('SEARCH', 'Search', now())");
        jdbc.update("insert into client (operator_id, client_key, company, created_at) select 1, 'C' || s, 'Co', now() from generate_series(1, 4) s");
        // 40,000 guests a client, one in ten with an email and a name (signed in at the portal), the rest first-seen devices.
        jdbc.update("""
                insert into guest (client_id, token, mac_address, email, first_name, last_name, created_at, updated_at)
                select c.id, gen_random_uuid(), upper(regexp_replace(lpad(to_hex(c.id * 100000 + g), 12, '0'), '(..)(?!$)', '\\1-', 'g')),
                       case when g % 10 = 0 then 'guest' || g || '@example.com' end,
                       case when g % 10 = 0 then 'Ana' || g end, case when g % 10 = 0 then 'Surname' || g end, now(), now()
                  from client c, generate_series(1, 40000) g""");
        jdbc.execute("vacuum analyze guest");
        search = new GuestSearchRepository(JdbcClient.create(recording(dataSource)));
    }

    @AfterAll
    static void close() {
        if (dataSource != null) {
            dataSource.destroy();
        }
    }

    @Test
    void guestsWithoutTheFieldHaveNoEntryInItsSearchIndex() {
        for (String column : List.of("email", "first_name", "last_name")) {
            String index = "ix_guest_client_" + column + "_prefix";
            assertThat(jdbc.queryForObject("select indexdef from pg_indexes where schemaname = current_schema() and indexname = ?", String.class, index))
                    .as("%s holds only the guests with a %s", index, column).endsWith("WHERE (" + column + " IS NOT NULL)");
        }
        assertThat(jdbc.queryForList("select indexname from pg_indexes where schemaname = current_schema() and tablename = 'guest'", String.class))
                .as("the V92 indexes a prefix search cannot use are gone")
                .doesNotContain("ix_guest_client_email", "ix_guest_client_first_name", "ix_guest_client_last_name");
    }

    @Test
    void emailSearchFindsItsGuestThroughThePartialIndex() {
        List<Guest> found = searchAndExplain("guest4230@", "ix_guest_client_email_prefix");
        assertThat(found).hasSize(4).extracting(g -> g.profile().email()).containsOnly("guest4230@example.com");
    }

    @Test
    void nameSearchFindsItsGuestsThroughThePartialIndexes() {
        List<Guest> found = searchAndExplain("surname4010", "ix_guest_client_last_name_prefix");
        assertThat(found).hasSize(4).allSatisfy(g -> assertThat(g.profile().lastName()).isEqualTo("Surname4010"));
    }

    /** Runs the repository's search for one client and reads the plan of exactly the statement it sent. */
    private static List<Guest> searchAndExplain(String term, String index) {
        statements.clear();
        parameters.clear();
        List<Guest> found = new ArrayList<>();
        for (long client = 1; client <= 4; client++) {
            found.addAll(search.search(1, Optional.of(client), term, Optional.empty(), 25));
        }
        String sql = statements.getLast();
        String plan = String.join("\n", jdbc.queryForList("explain " + inline(sql, parameters.getLast()), String.class));
        assertThat(plan).as("plan of %s", sql).contains(index).doesNotContain("Seq Scan on guest");
        return found;
    }

    private static String inline(String sql, TreeMap<Integer, Object> params) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                Object v = params.get(++n);
                out.append(v instanceof Number ? v.toString() : "'" + String.valueOf(v).replace("'", "''") + "'");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A data source whose prepared statements record their SQL and parameters. */
    private static DataSource recording(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (p, m, args) -> {
            Object result = invoke(target, m, args);
            if (result instanceof Connection connection) {
                return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (pc, mc, ac) -> {
                    Object r = invoke(connection, mc, ac);
                    if (r instanceof PreparedStatement ps && mc.getName().equals("prepareStatement")) {
                        statements.add((String) ac[0]);
                        TreeMap<Integer, Object> values = new TreeMap<>();
                        parameters.add(values);
                        return Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(), new Class<?>[] {PreparedStatement.class},
                                (pp, mp, ap) -> {
                                    if (mp.getName().startsWith("set") && ap != null && ap.length >= 2 && ap[0] instanceof Integer i) {
                                        values.put(i, ap[1]);
                                    }
                                    return invoke(ps, mp, ap);
                                });
                    }
                    return r;
                });
            }
            return result;
        });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
