package org.ruxue.lottery;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer for the line formats, which are ASCII except for the entropy, so
 * that writing a city's snapshot or result does not go through a charset encoder per
 * token.
 */
final class AsciiBuffer {

	private byte[] bytes;

	private int size;

	AsciiBuffer(int expected) {
		this.bytes = new byte[Math.max(64, expected)];
	}

	AsciiBuffer ascii(String text) {
		int length = text.length();
		ensure(length);
		for (int i = 0; i < length; i++) {
			this.bytes[this.size + i] = (byte) text.charAt(i);
		}
		this.size += length;
		return this;
	}

	AsciiBuffer utf8(String text) {
		return bytes(text.getBytes(StandardCharsets.UTF_8));
	}

	AsciiBuffer bytes(byte[] chunk) {
		ensure(chunk.length);
		System.arraycopy(chunk, 0, this.bytes, this.size, chunk.length);
		this.size += chunk.length;
		return this;
	}

	AsciiBuffer ascii(char c) {
		ensure(1);
		this.bytes[this.size++] = (byte) c;
		return this;
	}

	AsciiBuffer number(int value) {
		if (value < 10) {
			return ascii((char) ('0' + value));
		}
		return ascii(Integer.toString(value));
	}

	AsciiBuffer hex(long value) {
		ensure(16);
		for (int i = 15; i >= 0; i--) {
			int digit = (int) (value & 0xf);
			this.bytes[this.size + i] = (byte) (digit < 10 ? '0' + digit : 'a' + digit - 10);
			value >>>= 4;
		}
		this.size += 16;
		return this;
	}

	byte[] toByteArray() {
		return Arrays.copyOf(this.bytes, this.size);
	}

	void writeTo(OutputStream out) throws IOException {
		out.write(this.bytes, 0, this.size);
	}

	private void ensure(int more) {
		if (this.size + more > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.size + more));
		}
	}

}
