package io.portico.radius.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.portico.platform.SecretBox;
import io.portico.radius.NasClient;
import io.portico.radius.NasNetwork;
import io.portico.radius.NewNasClient;

/**
 * SQL for {@code radius_client}; shared secrets are sealed with the platform {@link SecretBox}
 * (master key {@code portico.secrets.key}) on the way in and opened on the way out.
 */
@Repository
public class NasClientRepository {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NasClientRepository.class);

    /** A NAS client with its decrypted shared secret, for the listeners' cache only. */
    public record WithSecret(NasClient client, String secret) {
        @Override
        public String toString() {
            return "WithSecret[" + client + ", ***]";
        }
    }

    private final JdbcClient jdbc;
    private final SecretBox box;

    NasClientRepository(JdbcClient jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    public NasClient insert(NewNasClient c, java.time.Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into radius_client (operator_id, name, network, nas_identifier, secret_ciphertext, hotspot_id,
                                                   equipment_id, coa_port, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.operatorId(), c.name(), c.network().toString(), c.nasIdentifier(), box.seal(c.sharedSecret()),
                        c.hotspotId().orElse(null), c.equipmentId().orElse(null), c.coaPort(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update(keys, "id");
        return new NasClient(keys.getKeyAs(Long.class), c.operatorId(), c.name(), c.network(), c.nasIdentifier(), c.hotspotId(),
                c.equipmentId(), c.coaPort(), now);
    }

    public boolean exists(NasNetwork network, String nasIdentifier) {
        return jdbc.sql("select count(*) from radius_client where network = ? and nas_identifier = ?")
                .params(network.toString(), nasIdentifier).query(Long.class).single() > 0;
    }

    public List<NasClient> list(long operatorId) {
        return jdbc.sql("select * from radius_client where operator_id = ? order by id").param(operatorId)
                .query(NasClientRepository::client).list();
    }

    /**
     * A page of the operator's RADIUS clients by name (then id), those whose name, network or
     * NAS-Identifier starts with {@code prefix} (a {@code Slice.prefix}): {@code limit} rows from {@code offset}.
     */
    public List<NasClient> page(long operatorId, String prefix, long offset, int limit) {
        return jdbc.sql("""
                        select * from radius_client where operator_id = ?
                         and (lower(name) like ? escape '\\' or lower(network) like ? escape '\\' or lower(nas_identifier) like ? escape '\\')
                         order by lower(name), id offset ? rows fetch next ? rows only""")
                .params(operatorId, prefix, prefix, prefix, offset, limit).query(NasClientRepository::client).list();
    }

    public Optional<WithSecret> findWithSecret(long id) {
        return jdbc.sql("select * from radius_client where id = ?").param(id)
                .query((rs, n) -> opened(rs, n)).optional().flatMap(c -> c);
    }

    public List<WithSecret> allWithSecrets() {
        return jdbc.sql("select * from radius_client order by id")
                .query((rs, n) -> opened(rs, n)).list().stream().flatMap(Optional::stream).toList();
    }

    /**
     * The client with its secret in clear; empty (and logged) when the secret does not open under
     * the configured master key, so one unreadable row never takes every other NAS offline.
     */
    private Optional<WithSecret> opened(ResultSet rs, int row) throws SQLException {
        NasClient client = client(rs, row);
        try {
            return Optional.of(new WithSecret(client, box.open(rs.getString("secret_ciphertext"))));
        } catch (RuntimeException e) {
            log.warn("RADIUS client {} ({}) is ignored: its shared secret does not open with portico.secrets.key; register it again",
                    client.id(), client.name());
            return Optional.empty();
        }
    }

    public boolean delete(long operatorId, long id) {
        return jdbc.sql("delete from radius_client where operator_id = ? and id = ?").params(operatorId, id).update() > 0;
    }

    private static NasClient client(ResultSet rs, int row) throws SQLException {
        return new NasClient(rs.getLong("id"), rs.getLong("operator_id"), rs.getString("name"), NasNetwork.parse(rs.getString("network")),
                rs.getString("nas_identifier"), Optional.ofNullable(rs.getObject("hotspot_id", Long.class)),
                Optional.ofNullable(rs.getObject("equipment_id", Long.class)), rs.getInt("coa_port"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
