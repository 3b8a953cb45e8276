package org.ruxue.app.population;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * ID-card numbers at rest in the platform's own tables (DESIGN.md): sealed with AES-GCM,
 * and found again through a keyed hash (HMAC-SHA256), so that a copy of the database
 * alone yields neither the numbers nor a dictionary to guess them. Both keys are derived
 * from the one configured key {@code ruxue.security.id-number-key} (32 bytes, base64).
 */
@Component
public class SealedIdNumbers {

	/** The demo and test key: public, so the prod profile refuses to start with it. */
	public static final String DEMO_KEY = "cnV4dWUtZGVtby1rZXktbm90LWZvci1wcm9kdWN0aW9uIQ==";

	private static final byte VERSION = 1;

	private static final int NONCE_BYTES = 12;

	private static final byte[] CONTEXT = "ruxue id-card number v1".getBytes(StandardCharsets.UTF_8);

	private final SecretKeySpec sealKey;

	private final SecretKeySpec lookupKey;

	private final SecureRandom random = new SecureRandom();

	/**
	 * Per thread, since finding a provider's implementation costs more than the work
	 * itself when a registry import seals 150,000 numbers.
	 */
	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(SealedIdNumbers::cipher);

	private final ThreadLocal<Mac> lookupMacs;

	SealedIdNumbers(@Value("${ruxue.security.id-number-key:" + DEMO_KEY + "}") String key, Environment environment) {
		if (DEMO_KEY.equals(key) && environment.acceptsProfiles(Profiles.of("prod"))) {
			throw new IllegalStateException("Set ruxue.security.id-number-key: the demo key is public");
		}
		byte[] master = Base64.getDecoder().decode(key);
		if (master.length < 32) {
			throw new IllegalStateException("ruxue.security.id-number-key must be at least 32 bytes (base64)");
		}
		this.sealKey = new SecretKeySpec(Arrays.copyOf(derive(master, "seal"), 32), "AES");
		this.lookupKey = new SecretKeySpec(derive(master, "lookup"), "HmacSHA256");
		this.lookupMacs = ThreadLocal.withInitial(() -> mac(lookupKey));
	}

	/** Version byte, random nonce, then the ciphertext with its tag. */
	public byte[] seal(IdCardNumber number) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(128, nonce));
			cipher.updateAAD(CONTEXT);
			byte[] sealed = cipher.doFinal(number.value().getBytes(StandardCharsets.US_ASCII));
			return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot seal an ID number", ex);
		}
	}

	public IdCardNumber open(byte[] sealed) {
		if (sealed == null || sealed.length < 1 + NONCE_BYTES || sealed[0] != VERSION) {
			throw new IllegalArgumentException("Not a sealed ID number");
		}
		try {
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(128, sealed, 1, NONCE_BYTES));
			cipher.updateAAD(CONTEXT);
			byte[] plain = cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
			return new IdCardNumber(new String(plain, StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot open a sealed ID number: wrong key or tampered data", ex);
		}
	}

	/** The same number always gives the same hash, so a unique index can find it. */
	public byte[] lookupHash(IdCardNumber number) {
		return lookupMacs.get().doFinal(number.value().getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * The keyed hash of any text that identifies a child (an ID number or an education ID
	 * as typed), for counters and keys that must not hold the identifier itself.
	 */
	public String keyedHash(String text) {
		return java.util.HexFormat.of()
			.formatHex(lookupMacs.get().doFinal(("text:" + text).getBytes(StandardCharsets.UTF_8)));
	}

	/** Whether two keyed hashes are equal, in constant time. */
	public static boolean same(byte[] a, byte[] b) {
		return MessageDigest.isEqual(a, b);
	}

	private static Cipher cipher() {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Mac mac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] derive(byte[] master, String purpose) {
		return hmac(new SecretKeySpec(master, "HmacSHA256"), purpose.getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] hmac(SecretKeySpec key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
