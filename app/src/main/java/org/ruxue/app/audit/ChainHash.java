package org.ruxue.app.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of an entry's fields and its predecessor's hash. Each field is written as its
 * length in UTF-8 bytes, a colon and the bytes, so no choice of field contents can make
 * two different entries hash alike.
 */
final class ChainHash {

	private ChainHash() {
	}

	static String of(AuditEntry entry) {
		MessageDigest sha256 = sha256();
		field(sha256, entry.previousHash());
		field(sha256, Long.toString(entry.position()));
		field(sha256, entry.occurredAt().toString());
		field(sha256, entry.actor());
		field(sha256, entry.actorRole());
		field(sha256, entry.onBehalfOf());
		field(sha256, entry.action());
		field(sha256, entry.subjectType());
		field(sha256, entry.subjectId());
		field(sha256, String.join(",", entry.ruleIds()));
		field(sha256, entry.before());
		field(sha256, entry.after());
		return HexFormat.of().formatHex(sha256.digest());
	}

	private static void field(MessageDigest digest, String value) {
		if (value == null) {
			digest.update("-;".getBytes(StandardCharsets.US_ASCII));
			return;
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
		digest.update(bytes);
		digest.update((byte) ';');
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
