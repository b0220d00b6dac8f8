package io.portico.tenant.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.portico.tenant.Client;
import io.portico.tenant.Operator;

/** SQL for the operator and client tables. */
@Repository
public class TenantRepository {

    private final JdbcClient jdbc;

    TenantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Operator insertOperator(Operator o) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into operator (operator_key, name, created_at) values (?, ?, ?)")
                .params(o.key(), o.name(), OffsetDateTime.ofInstant(o.createdAt(), ZoneOffset.UTC))
                .update(keys, "id");
        return new Operator(keys.getKeyAs(Long.class), o.key(), o.name(), o.createdAt());
    }

    public java.util.List<Long> operatorIds() {
        return jdbc.sql("select id from operator order by id").query(Long.class).list();
    }

    public long countOperators() {
        return jdbc.sql("select count(*) from operator").query(Long.class).single();
    }

    public Optional<Operator> findOperator(long id) {
        return jdbc.sql("select * from operator where id = ?").param(id).query(TenantRepository::operator).optional();
    }

    public Optional<Operator> findOperatorByKey(String key) {
        return jdbc.sql("select * from operator where operator_key = ?").param(key).query(TenantRepository::operator).optional();
    }

    public Client insertClient(Client c) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into client (operator_id, client_key, company, created_at) values (?, ?, ?, ?)")
                .params(c.operatorId(), c.key(), c.company(), OffsetDateTime.ofInstant(c.createdAt(), ZoneOffset.UTC))
                .update(keys, "id");
        return new Client(keys.getKeyAs(Long.class), c.operatorId(), c.key(), c.company(), c.createdAt());
    }

    public Optional<Client> findClient(long id) {
        return jdbc.sql("select * from client where id = ?").param(id).query(TenantRepository::client).optional();
    }

    public Optional<Client> findClientByKey(long operatorId, String key) {
        return jdbc.sql("select * from client where operator_id = ? and client_key = ?")
                .params(operatorId, key).query(TenantRepository::client).optional();
    }

    /** A page of the operator's clients whose company starts with {@code prefix} (a {@code Slice.prefix}), by company then id. */
    public List<Client> clientPage(long operatorId, String prefix, long offset, int limit) {
        return jdbc.sql("""
                        select * from client where operator_id = ? and lower(company) like ? escape '\\'
                         order by lower(company), id offset ? rows fetch next ? rows only""")
                .params(operatorId, prefix, offset, limit).query(TenantRepository::client).list();
    }

    public long countClients(long operatorId) {
        return jdbc.sql("select count(*) from client where operator_id = ?").param(operatorId).query(Long.class).single();
    }

    public List<Client> listClients(long operatorId) {
        return jdbc.sql("select * from client where operator_id = ? order by id").param(operatorId)
                .query(TenantRepository::client).list();
    }

    private static Operator operator(ResultSet rs, int row) throws SQLException {
        return new Operator(rs.getLong("id"), rs.getString("operator_key"), rs.getString("name"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static Client client(ResultSet rs, int row) throws SQLException {
        return new Client(rs.getLong("id"), rs.getLong("operator_id"), rs.getString("client_key"),
                rs.getString("company"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
