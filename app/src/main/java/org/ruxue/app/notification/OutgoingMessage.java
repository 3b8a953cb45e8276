package org.ruxue.app.notification;

import java.util.List;
import java.util.Locale;

/**
 * One message to one person. {@code templateKey} names a text in the notification
 * module's templates (Chinese and English); {@code arguments} fill it in and carry no
 * more personal data than the message needs.
 *
 * @param mobile the mobile number to text, or null for the web inbox only
 * @param inboxOwner the account (username) whose web inbox keeps the message, or null for
 * an SMS only (for example a sign-in code to a number without an account yet)
 * @param language the language of the SMS: Chinese unless the person chose English
 */
public record OutgoingMessage(String mobile, String inboxOwner, String templateKey, List<String> arguments,
		Locale language) {

	public OutgoingMessage {
		if (mobile == null && inboxOwner == null) {
			throw new IllegalArgumentException("A message needs a mobile number or an inbox");
		}
		if (templateKey == null || templateKey.isBlank()) {
			throw new IllegalArgumentException("A message needs a template");
		}
		arguments = List.copyOf(arguments);
		language = Locale.ENGLISH.getLanguage().equals((language != null) ? language.getLanguage() : null)
				? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
	}

	/** A message in Chinese, the platform's default language. */
	public OutgoingMessage(String mobile, String inboxOwner, String templateKey, List<String> arguments) {
		this(mobile, inboxOwner, templateKey, arguments, Locale.SIMPLIFIED_CHINESE);
	}

	public OutgoingMessage inLanguage(Locale language) {
		return new OutgoingMessage(mobile, inboxOwner, templateKey, arguments, language);
	}

}
