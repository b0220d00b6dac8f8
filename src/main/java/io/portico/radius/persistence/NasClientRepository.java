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

import io.portico.radius.NasClient;
import io.portico.radius.NasNetwork;
import io.portico.radius.NewNasClient;

/** SQL for {@code radius_client}; shared secrets go in and out through {@link SecretCipher}. */
@Repository
public class NasClientRepository {

    /** A NAS client with its decrypted shared secret, for the listeners' cache only. */
    public record WithSecret(NasClient client, String secret) {
        @Override
        public String toString() {
            return "WithSecret[" + client + ", ***]";
        }
    }

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    NasClientRepository(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public NasClient insert(NewNasClient c, java.time.Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into radius_client (operator_id, name, network, nas_identifier, secret_ciphertext, hotspot_id,
                                                   equipment_id, coa_port, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.operatorId(), c.name(), c.network().toString(), c.nasIdentifier(), cipher.encrypt(c.sharedSecret()),
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

    public Optional<WithSecret> findWithSecret(long id) {
        return jdbc.sql("select * from radius_client where id = ?").param(id)
                .query((rs, n) -> new WithSecret(client(rs, n), cipher.decrypt(rs.getString("secret_ciphertext")))).optional();
    }

    public List<WithSecret> allWithSecrets() {
        return jdbc.sql("select * from radius_client order by id")
                .query((rs, n) -> new WithSecret(client(rs, n), cipher.decrypt(rs.getString("secret_ciphertext")))).list();
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
