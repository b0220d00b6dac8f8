package io.portico.identity.persistence;

import static io.portico.identity.persistence.AdministratorRepository.instant;
import static io.portico.identity.persistence.AdministratorRepository.utc;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for administrators' TOTP secrets, recovery codes and the operator's two-factor policy. */
@Repository
public class TwoFactorRepository {

    /** An administrator's TOTP row: the sealed secret, when it was confirmed (null while enrolling), the last accepted step. */
    public record TotpRow(long administratorId, String secretSealed, @Nullable Instant confirmedAt, long lastStep) {
    }

    private final JdbcClient jdbc;

    TwoFactorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TotpRow> find(long administratorId) {
        return jdbc.sql("select * from administrator_totp where administrator_id = ?").param(administratorId)
                .query((rs, n) -> new TotpRow(rs.getLong("administrator_id"), rs.getString("secret_sealed"),
                        instant(rs, "confirmed_at"), rs.getLong("last_step")))
                .optional();
    }

    /** Starts (or restarts) an enrolment with a new sealed secret, unconfirmed. */
    public void startEnrolment(long administratorId, String secretSealed, Instant now) {
        jdbc.sql("delete from administrator_totp where administrator_id = ?").param(administratorId).update();
        jdbc.sql("insert into administrator_totp (administrator_id, secret_sealed, created_at) values (?, ?, ?)")
                .params(administratorId, secretSealed, utc(now)).update();
    }

    public void confirm(long administratorId, long step, Instant now) {
        jdbc.sql("update administrator_totp set confirmed_at = ?, last_step = ? where administrator_id = ?")
                .params(utc(now), step, administratorId).update();
    }

    /** Records the step a code was accepted for; false when that step (or a later one) was already used. */
    public boolean useStep(long administratorId, long step) {
        return jdbc.sql("update administrator_totp set last_step = ? where administrator_id = ? and last_step < ?")
                .params(step, administratorId, step).update() == 1;
    }

    public void remove(long administratorId) {
        jdbc.sql("delete from administrator_totp where administrator_id = ?").param(administratorId).update();
        jdbc.sql("delete from administrator_recovery_code where administrator_id = ?").param(administratorId).update();
    }

    public void replaceRecoveryCodes(long administratorId, Collection<String> codeHashes) {
        jdbc.sql("delete from administrator_recovery_code where administrator_id = ?").param(administratorId).update();
        for (String hash : codeHashes) {
            jdbc.sql("insert into administrator_recovery_code (administrator_id, code_hash) values (?, ?)")
                    .params(administratorId, hash).update();
        }
    }

    /** Spends a recovery code; false when unknown or already used. */
    public boolean useRecoveryCode(long administratorId, String codeHash, Instant now) {
        return jdbc.sql("update administrator_recovery_code set used_at = ? where administrator_id = ? and code_hash = ? and used_at is null")
                .params(utc(now), administratorId, codeHash).update() == 1;
    }

    public int recoveryCodesLeft(long administratorId) {
        return jdbc.sql("select count(*) from administrator_recovery_code where administrator_id = ? and used_at is null")
                .param(administratorId).query(Integer.class).single();
    }

    public boolean requiredFor(long operatorId) {
        return jdbc.sql("select require_totp from operator_sign_in_policy where operator_id = ?").param(operatorId)
                .query(Boolean.class).optional().orElse(false);
    }

    public void setRequired(long operatorId, boolean required, Instant now) {
        if (jdbc.sql("update operator_sign_in_policy set require_totp = ?, updated_at = ? where operator_id = ?")
                .params(required, utc(now), operatorId).update() == 0) {
            jdbc.sql("insert into operator_sign_in_policy (operator_id, require_totp, updated_at) values (?, ?, ?)")
                    .params(operatorId, required, utc(now)).update();
        }
    }
}
