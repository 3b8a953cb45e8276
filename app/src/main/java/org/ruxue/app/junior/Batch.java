package org.ruxue.app.junior;

/**
 * One batch (批次) of a district's draw: its place in the order, its name, how many choices
 * a family may make in it and which schools it offers (R-J7).
 */
public record Batch(int number, String name, int choices, BatchScope scope) {

	public static final int MAX_BATCHES = 9;

	public static final int MAX_CHOICES = 20;

	String summary() {
		return number + ":" + name + "/" + choices + "/" + scope;
	}

}
