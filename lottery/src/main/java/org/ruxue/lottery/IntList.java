package org.ruxue.lottery;

import java.util.Arrays;

/** A growable int array, so that parsing a city does not box a million choices. */
final class IntList {

	private int[] values;

	private int size;

	IntList(int expected) {
		this.values = new int[Math.max(16, expected)];
	}

	void add(int value) {
		if (this.size == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.size * 2);
		}
		this.values[this.size++] = value;
	}

	int size() {
		return this.size;
	}

	int[] toArray() {
		return Arrays.copyOf(this.values, this.size);
	}

}
