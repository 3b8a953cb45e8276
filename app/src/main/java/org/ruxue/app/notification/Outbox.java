package org.ruxue.app.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.ruxue.app.notification.StoredMessage.SmsStatus;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox in PostgreSQL. A worker claims due rows in one statement ({@code FOR UPDATE
 * SKIP LOCKED} inside an {@code UPDATE … RETURNING}) and holds them under a lease and a
 * claim token: two nodes never claim the same row, and only the claim's holder may record
 * the outcome. A claim whose lease ran out (the node died mid-send) is claimed again.
 */
@Repository
class Outbox {

	private static final int MAX_ERROR_LENGTH = 500;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	Outbox(JdbcClient jdbc, JdbcTemplate batch) {
		this.batch = batch;
		this.jdbc = jdbc;
	}

	long add(OutgoingMessage message, Instant now) {
		return jdbc.sql("""
				insert into notification_message (mobile, inbox_owner, template_key, arguments, language, sms_status,
				  next_attempt_at, created_at)
				values (:mobile, :owner, :template, :arguments, :language, :status, :now, :now)
				returning id
				""")
			.param("mobile", message.mobile())
			.param("owner", message.inboxOwner())
			.param("template", message.templateKey())
			.param("arguments", message.arguments().toArray(String[]::new))
			.param("language", message.language().getLanguage())
			.param("status", (message.mobile() != null) ? SmsStatus.PENDING.name() : SmsStatus.NONE.name())
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/**
	 * Many messages in batches of statements (a published result tells every family at
	 * once): the same rows as {@link #add}, without their ids.
	 */
	void addAll(List<OutgoingMessage> messages, Instant now) {
		Timestamp at = Timestamp.from(now);
		for (int from = 0; from < messages.size(); from += 5000) {
			List<OutgoingMessage> chunk = messages.subList(from, Math.min(messages.size(), from + 5000));
			batch.batchUpdate("""
					insert into notification_message (mobile, inbox_owner, template_key, arguments, language,
					  sms_status, next_attempt_at, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?)
					""", chunk, chunk.size(), (ps, message) -> {
				ps.setString(1, message.mobile());
				ps.setString(2, message.inboxOwner());
				ps.setString(3, message.templateKey());
				ps.setArray(4, ps.getConnection().createArrayOf("text", message.arguments().toArray()));
				ps.setString(5, message.language().getLanguage());
				ps.setString(6, (message.mobile() != null) ? SmsStatus.PENDING.name() : SmsStatus.NONE.name());
				ps.setTimestamp(7, at);
				ps.setTimestamp(8, at);
			});
		}
	}

	List<StoredMessage> claimDue(Instant now, Duration lease, int limit) {
		return jdbc.sql("""
				update notification_message set sms_status = 'SENDING', claim_token = :token,
				  claimed_until = :until, attempts = attempts + 1
				where id in (
				  select id from notification_message
				  where next_attempt_at <= :now
				    and (sms_status = 'PENDING' or (sms_status = 'SENDING' and claimed_until <= :now))
				  order by next_attempt_at, id
				  limit :limit
				  for update skip locked)
				returning *
				""")
			.param("token", UUID.randomUUID())
			.param("until", Timestamp.from(now.plus(lease)))
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(Outbox::map)
			.list();
	}

	boolean markSent(StoredMessage claimed, String gatewayMessageId, Instant now) {
		return jdbc.sql("""
				update notification_message set sms_status = 'SENT', sent_at = :now, gateway_message_id = :gatewayId,
				  claim_token = null, claimed_until = null, last_error = null
				where id = :id and claim_token = :token and sms_status = 'SENDING'
				""")
			.param("now", Timestamp.from(now))
			.param("gatewayId", gatewayMessageId)
			.param("id", claimed.id())
			.param("token", claimed.claimToken())
			.update() == 1;
	}

	/** Back to PENDING until {@code nextAttempt}, or FAILED when that is null. */
	boolean markNotSent(StoredMessage claimed, String error, Instant nextAttempt) {
		return jdbc
			.sql("""
					update notification_message set sms_status = :status, next_attempt_at = coalesce(:next, next_attempt_at),
					  last_error = :error, claim_token = null, claimed_until = null
					where id = :id and claim_token = :token and sms_status = 'SENDING'
					""")
			.param("status", (nextAttempt != null) ? SmsStatus.PENDING.name() : SmsStatus.FAILED.name())
			.param("next", (nextAttempt != null) ? Timestamp.from(nextAttempt) : null, Types.TIMESTAMP)
			.param("error", truncate(error))
			.param("id", claimed.id())
			.param("token", claimed.claimToken())
			.update() == 1;
	}

	/** False when no sent message has that gateway id (yet). */
	boolean recordReceipt(String gatewayMessageId, String state, Instant now) {
		return jdbc.sql("""
				update notification_message set receipt_status = :state, receipt_at = :now
				where gateway_message_id = :gatewayId
				""")
			.param("state", state)
			.param("now", Timestamp.from(now))
			.param("gatewayId", gatewayMessageId)
			.update() > 0;
	}

	/**
	 * The city administrator's retry: a FAILED message starts over with fresh attempts.
	 */
	boolean retry(long id, Instant now) {
		return jdbc.sql("""
				update notification_message set sms_status = 'PENDING', attempts = 0, next_attempt_at = :now
				where id = :id and sms_status = 'FAILED'
				""").param("now", Timestamp.from(now)).param("id", id).update() == 1;
	}

	List<StoredMessage> failures(int limit) {
		return jdbc.sql(
				"select * from notification_message where sms_status = 'FAILED' order by created_at desc, id desc limit :limit")
			.param("limit", limit)
			.query(Outbox::map)
			.list();
	}

	List<StoredMessage> inbox(String owner, int limit) {
		return jdbc.sql("""
				select * from notification_message where inbox_owner = :owner
				order by created_at desc, id desc limit :limit
				""").param("owner", owner).param("limit", limit).query(Outbox::map).list();
	}

	boolean markRead(String owner, long id, Instant now) {
		return jdbc.sql("""
				update notification_message set read_at = :now
				where id = :id and inbox_owner = :owner and read_at is null
				""").param("now", Timestamp.from(now)).param("id", id).param("owner", owner).update() == 1;
	}

	int markAllRead(String owner, Instant now) {
		return jdbc.sql("update notification_message set read_at = :now where inbox_owner = :owner and read_at is null")
			.param("now", Timestamp.from(now))
			.param("owner", owner)
			.update();
	}

	Optional<StoredMessage> byId(long id) {
		return jdbc.sql("select * from notification_message where id = :id")
			.param("id", id)
			.query(Outbox::map)
			.optional();
	}

	private static String truncate(String error) {
		if (error == null) {
			return null;
		}
		return (error.length() > MAX_ERROR_LENGTH) ? error.substring(0, MAX_ERROR_LENGTH) : error;
	}

	private static StoredMessage map(ResultSet rs, int row) throws SQLException {
		String[] arguments = (String[]) rs.getArray("arguments").getArray();
		return new StoredMessage(rs.getLong("id"), rs.getString("mobile"), rs.getString("inbox_owner"),
				rs.getString("template_key"), Arrays.asList(arguments), Locale.forLanguageTag(rs.getString("language")),
				SmsStatus.valueOf(rs.getString("sms_status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
				rs.getObject("claim_token", UUID.class), rs.getString("last_error"), instant(rs, "created_at"),
				instant(rs, "sent_at"), rs.getString("gateway_message_id"), rs.getString("receipt_status"),
				instant(rs, "read_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
