package org.ruxue.lottery;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The seed and the lottery numbers of LOTTERY.md section 2: HMAC-SHA256 keyed with the 32
 * raw seed bytes, the number being the first 8 bytes of the MAC, unsigned big-endian.
 *
 * <p>
 * The HMAC is computed from SHA-256 states that have already absorbed the padded key,
 * which halves the hashing per number; with 1.2 million choices under multiple
 * tie-breaking that is most of a draw's time. One instance is not thread-safe.
 */
final class LotteryNumbers {

	private static final byte[] STUDENT = "student\n".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] SCHOOL = "\nschool\n".getBytes(StandardCharsets.US_ASCII);

	private static final int BLOCK = 64;

	private final MessageDigest innerKeyed;

	private final MessageDigest outerKeyed;

	private final byte[] mac = new byte[32];

	private byte[] message = new byte[256];

	private int studentLength;

	LotteryNumbers(byte[] seed) {
		byte[] key = Arrays.copyOf(seed, BLOCK);
		byte[] inner = new byte[BLOCK];
		byte[] outer = new byte[BLOCK];
		for (int i = 0; i < BLOCK; i++) {
			inner[i] = (byte) (key[i] ^ 0x36);
			outer[i] = (byte) (key[i] ^ 0x5c);
		}
		this.innerKeyed = Sha256.newDigest();
		this.innerKeyed.update(inner);
		this.outerKeyed = Sha256.newDigest();
		this.outerKeyed.update(outer);
		System.arraycopy(STUDENT, 0, this.message, 0, STUDENT.length);
	}

	/** SHA-256 over UTF-8(snapshotHash + "\n" + entropy). */
	static byte[] seed(String snapshotHash, String entropy) {
		return Sha256.digest((snapshotHash + "\n" + entropy).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Makes the student the subject of the next {@link #single()} and {@link #atSchool}.
	 */
	LotteryNumbers student(String id) {
		this.studentLength = STUDENT.length + id.length();
		ensure(this.studentLength + SCHOOL.length + Tokens.MAX_NAME);
		for (int i = 0; i < id.length(); i++) {
			this.message[STUDENT.length + i] = (byte) id.charAt(i);
		}
		System.arraycopy(SCHOOL, 0, this.message, this.studentLength, SCHOOL.length);
		return this;
	}

	/** The student's number under single tie-breaking. */
	long single() {
		return mac(this.studentLength);
	}

	/** The number the school draws for the student under multiple tie-breaking. */
	long atSchool(byte[] code) {
		int at = this.studentLength + SCHOOL.length;
		System.arraycopy(code, 0, this.message, at, code.length);
		return mac(at + code.length);
	}

	private long mac(int length) {
		try {
			MessageDigest inner = (MessageDigest) this.innerKeyed.clone();
			inner.update(this.message, 0, length);
			inner.digest(this.mac, 0, 32);
			MessageDigest outer = (MessageDigest) this.outerKeyed.clone();
			outer.update(this.mac, 0, 32);
			outer.digest(this.mac, 0, 32);
		}
		catch (CloneNotSupportedException | DigestException ex) {
			throw new IllegalStateException("SHA-256 of this Java runtime cannot resume a state", ex);
		}
		long number = 0;
		for (int i = 0; i < 8; i++) {
			number = (number << 8) | (this.mac[i] & 0xff);
		}
		return number;
	}

	private void ensure(int length) {
		if (this.message.length < length) {
			this.message = Arrays.copyOf(this.message, length);
		}
	}

}
