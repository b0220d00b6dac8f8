package io.portico.notification.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.portico.notification.EmailAttachment;
import io.portico.notification.EmailMessage;

/** SQL for the email outbox. */
@Repository
public class EmailOutboxRepository {

    /** An outbox row. */
    public record QueuedEmail(long id, long operatorId, String kind, String reference, String recipient, String sender,
                              String locale, String subject, String html, String text, String status, int attempts,
                              Instant createdAt, Instant nextAttemptAt, @Nullable Instant sentAt, @Nullable String lastError,
                              @Nullable EmailAttachment attachment) {
    }

    private final JdbcClient jdbc;

    EmailOutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(EmailMessage m, String wrappedHtml, @Nullable EmailAttachment attachment, Instant now) {
        var keys = new GeneratedKeyHolder();
        Instant due = m.notBefore().isAfter(now) ? m.notBefore() : now;
        jdbc.sql("""
                        insert into email_outbox (operator_id, kind, reference, recipient, sender, locale, subject, html_body,
                                                  text_body, status, created_at, next_attempt_at, attachment_name,
                                                  attachment_type, attachment_body)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?)""")
                .params(m.operatorId(), m.kind(), m.reference(), m.recipient(), m.sender(), m.locale(), m.content().subject(),
                        wrappedHtml, m.content().text(), utc(now), utc(due),
                        attachment == null ? null : attachment.filename(), attachment == null ? null : attachment.contentType(),
                        attachment == null ? null : attachment.content())
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** Due emails, oldest first; the dispatcher runs on one instance at a time (db-scheduler). */
    public List<QueuedEmail> due(Instant now, int limit) {
        return jdbc.sql("select * from email_outbox where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at, id "
                        + "fetch first ? rows only")
                .params(utc(now), limit).query(EmailOutboxRepository::row).list();
    }

    public void markSent(long id, int attempts, Instant now) {
        jdbc.sql("update email_outbox set status = 'SENT', attempts = ?, sent_at = ?, last_error = null where id = ?")
                .params(attempts, utc(now), id).update();
    }

    public void markRetry(long id, int attempts, Instant next, String error) {
        jdbc.sql("update email_outbox set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?")
                .params(attempts, utc(next), clip(error), id).update();
    }

    public void markFailed(long id, int attempts, String error) {
        jdbc.sql("update email_outbox set status = 'FAILED', attempts = ?, last_error = ? where id = ?")
                .params(attempts, clip(error), id).update();
    }

    public Optional<QueuedEmail> find(long id) {
        return jdbc.sql("select * from email_outbox where id = ?").param(id).query(EmailOutboxRepository::row).optional();
    }

    private static String clip(String error) {
        return error == null ? "" : error.length() > 1000 ? error.substring(0, 1000) : error;
    }

    private static QueuedEmail row(ResultSet rs, int n) throws SQLException {
        return new QueuedEmail(rs.getLong("id"), rs.getLong("operator_id"), rs.getString("kind"), rs.getString("reference"),
                rs.getString("recipient"), rs.getString("sender"), rs.getString("locale"), rs.getString("subject"),
                rs.getString("html_body"), rs.getString("text_body"), rs.getString("status"), rs.getInt("attempts"),
                instant(rs, "created_at"), instant(rs, "next_attempt_at"), instant(rs, "sent_at"), rs.getString("last_error"),
                rs.getString("attachment_name") == null ? null
                        : new EmailAttachment(rs.getString("attachment_name"), rs.getString("attachment_type"), rs.getString("attachment_body")));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
