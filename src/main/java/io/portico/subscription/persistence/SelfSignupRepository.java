package io.portico.subscription.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for venues' self sign-up links and the enrolments residents made through them. */
@Repository
public class SelfSignupRepository {

    /** A venue's sign-up link; {@code code} is empty when residents need none. */
    public record Link(long venueId, long operatorId, String token, String code) {
    }

    public enum Kind { FREE, TRIAL }

    private final JdbcClient jdbc;

    SelfSignupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Link> findByToken(String token) {
        return jdbc.sql("select * from venue_signup_link where token = ?").param(token).query(SelfSignupRepository::link).optional();
    }

    public Optional<Link> findByVenue(long operatorId, long venueId) {
        return jdbc.sql("select * from venue_signup_link where operator_id = ? and venue_id = ?").params(operatorId, venueId)
                .query(SelfSignupRepository::link).optional();
    }

    /** Creates or replaces the venue's link. */
    public void save(long operatorId, long venueId, String token, String code, Instant now) {
        int updated = jdbc.sql("update venue_signup_link set token = ?, signup_code = ? where operator_id = ? and venue_id = ?")
                .params(token, code, operatorId, venueId).update();
        if (updated == 0) {
            jdbc.sql("insert into venue_signup_link (venue_id, operator_id, token, signup_code, created_at) values (?, ?, ?, ?, ?)")
                    .params(venueId, operatorId, token, code, utc(now)).update();
        }
    }

    public void recordEnrolment(long subscriptionId, long operatorId, long subscriberId, long venueId, long planId, Kind kind,
                                int trialCycles, Instant now) {
        jdbc.sql("""
                        insert into subscription_enrolment (subscription_id, operator_id, subscriber_id, venue_id, plan_id, kind,
                        trial_cycles, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(subscriptionId, operatorId, subscriberId, venueId, planId, kind.name(), trialCycles, utc(now)).update();
    }

    /** Free enrolments of a subscriber: on one plan at one venue, or (null plan and venue) at the whole operator. */
    public int freeEnrolments(long operatorId, long subscriberId, Long venueId, Long planId) {
        return jdbc.sql("""
                        select count(*) from subscription_enrolment where operator_id = ? and subscriber_id = ? and kind = 'FREE'
                        and (cast(? as bigint) is null or venue_id = ?) and (cast(? as bigint) is null or plan_id = ?)""")
                .params(operatorId, subscriberId, venueId, venueId, planId, planId).query(Integer.class).single();
    }

    /** Trial cycles a subscriber has had: on one plan at one venue, or (null plan and venue) at the whole operator. */
    public int trialCycles(long operatorId, long subscriberId, Long venueId, Long planId) {
        return jdbc.sql("""
                        select coalesce(sum(trial_cycles), 0) from subscription_enrolment where operator_id = ? and subscriber_id = ?
                        and kind = 'TRIAL' and (cast(? as bigint) is null or venue_id = ?) and (cast(? as bigint) is null or plan_id = ?)""")
                .params(operatorId, subscriberId, venueId, venueId, planId, planId).query(Integer.class).single();
    }

    private static Link link(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Link(rs.getLong("venue_id"), rs.getLong("operator_id"), rs.getString("token"), rs.getString("signup_code"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
