package io.portico.identity.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.portico.identity.Administrator;
import io.portico.platform.Role;

/** SQL for administrators, their roles and their login counters. */
@Repository
public class AdministratorRepository {

    /** An administrator row with what login needs (hash, counters); never leaves the module. */
    public record Credentials(Administrator administrator, String passwordHash, int failedLogins,
                              @Nullable Instant lockedUntil) {
    }

    private final JdbcClient jdbc;

    AdministratorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long operatorId, String email, String displayName, String passwordHash, Set<Role> roles, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into administrator (operator_id, email, display_name, password_hash, created_at) values (?, ?, ?, ?, ?)")
                .params(operatorId, email, displayName, passwordHash, utc(now)).update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        replaceRoles(id, roles);
        return id;
    }

    public void replaceRoles(long administratorId, Set<Role> roles) {
        jdbc.sql("delete from administrator_role where administrator_id = ?").param(administratorId).update();
        for (Role role : roles) {
            jdbc.sql("insert into administrator_role (administrator_id, role) values (?, ?)")
                    .params(administratorId, role.name()).update();
        }
    }

    public Optional<Credentials> findCredentialsByEmail(String email) {
        return jdbc.sql("select * from administrator where email = ?").param(email)
                .query((rs, n) -> new Credentials(administrator(rs, roles(rs.getLong("id"))), rs.getString("password_hash"),
                        rs.getInt("failed_logins"), instant(rs, "locked_until")))
                .optional();
    }

    /** Locks the row for the login decision so concurrent wrong passwords all count. */
    public void lockRow(long administratorId) {
        jdbc.sql("select id from administrator where id = ? for update").param(administratorId).query(Long.class).optional();
    }

    public Optional<Administrator> find(long id) {
        return jdbc.sql("select * from administrator where id = ?").param(id)
                .query((rs, n) -> administrator(rs, roles(id))).optional();
    }

    public List<Administrator> list(long operatorId) {
        Map<Long, Set<Role>> roles = new LinkedHashMap<>();
        jdbc.sql("select r.administrator_id, r.role from administrator_role r join administrator a on a.id = r.administrator_id where a.operator_id = ?")
                .param(operatorId)
                .query(rs -> {
                    roles.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString(2)));
                });
        return jdbc.sql("select * from administrator where operator_id = ? order by email").param(operatorId)
                .query((rs, n) -> administrator(rs, roles.getOrDefault(rs.getLong("id"), Set.of()))).list();
    }

    /**
     * A page of the operator's administrators by email, those whose email or name starts with
     * {@code prefix} (a {@code Slice.prefix}): {@code limit} rows from {@code offset}, with the roles of
     * those rows only.
     */
    public List<Administrator> page(long operatorId, String prefix, long offset, int limit) {
        List<Long> ids = jdbc.sql("""
                        select id from administrator where operator_id = ?
                         and (lower(email) like ? escape '\\' or lower(display_name) like ? escape '\\')
                         order by email, id offset ? rows fetch next ? rows only""")
                .params(operatorId, prefix, prefix, offset, limit).query(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        Map<Long, Set<Role>> roles = new LinkedHashMap<>();
        jdbc.sql("select administrator_id, role from administrator_role where administrator_id in (" + marks + ")").params(ids)
                .query(rs -> {
                    roles.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString(2)));
                });
        List<Object> params = new java.util.ArrayList<>(ids);
        params.add(operatorId);
        return jdbc.sql("select * from administrator where id in (" + marks + ") and operator_id = ? order by email, id").params(params)
                .query((rs, n) -> administrator(rs, roles.getOrDefault(rs.getLong("id"), Set.of()))).list();
    }

    public void recordFailure(long id, int failedLogins, @Nullable Instant lockedUntil) {
        jdbc.sql("update administrator set failed_logins = ?, locked_until = ? where id = ?")
                .params(failedLogins, lockedUntil == null ? null : utc(lockedUntil), id).update();
    }

    public void recordSuccess(long id) {
        jdbc.sql("update administrator set failed_logins = 0, locked_until = null where id = ?").param(id).update();
    }

    public void updatePasswordHash(long id, String hash) {
        jdbc.sql("update administrator set password_hash = ? where id = ?").params(hash, id).update();
    }

    /** Deletes the administrator; roles, sessions, tokens and two-factor rows go with it (on delete cascade). */
    public void delete(long id) {
        jdbc.sql("delete from administrator_role where administrator_id = ?").param(id).update();
        jdbc.sql("delete from administrator where id = ?").param(id).update();
    }

    /** Keeps the dashboard language the administrator chose (staff emails are written in it). */
    public void updateLocale(long id, String locale) {
        jdbc.sql("update administrator set locale = ? where id = ? and (locale is null or locale <> ?)").params(locale, id, locale).update();
    }

    /** The chosen languages of the operator's administrators that chose one, by administrator id. */
    public java.util.Map<Long, String> locales(long operatorId) {
        java.util.Map<Long, String> locales = new java.util.HashMap<>();
        jdbc.sql("select id, locale from administrator where operator_id = ? and locale is not null").param(operatorId)
                .query(rs -> {
                    locales.put(rs.getLong(1), rs.getString(2));
                });
        return locales;
    }

    public void setDisabled(long id, boolean disabled) {
        jdbc.sql("update administrator set disabled = ? where id = ?").params(disabled, id).update();
    }

    private Set<Role> roles(long administratorId) {
        List<String> names = jdbc.sql("select role from administrator_role where administrator_id = ?")
                .param(administratorId).query(String.class).list();
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        names.forEach(n -> set.add(Role.valueOf(n)));
        return set;
    }

    private static Administrator administrator(ResultSet rs, Set<Role> roles) throws SQLException {
        return new Administrator(rs.getLong("id"), rs.getLong("operator_id"), rs.getString("email"),
                rs.getString("display_name"), roles, rs.getBoolean("disabled"), instant(rs, "created_at"));
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
