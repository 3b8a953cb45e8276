package org.ruxue.app.notification;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * Renders a message from its template in i18n/notification*.properties: the SMS in the
 * language stored with the message, the inbox in the reader's current language.
 */
@Component
class MessageTexts {

	private final MessageSource messages;

	MessageTexts(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Throws {@link NoSuchMessageException} for an unknown template: such a text is never
	 * sent.
	 */
	String sms(StoredMessage message) {
		return messages.getMessage(message.templateKey(), message.arguments().toArray(), message.language());
	}

	String forReader(StoredMessage message, Locale reader) {
		return render(message.templateKey(), message.arguments(), reader);
	}

	String render(String templateKey, List<String> arguments, Locale locale) {
		return messages.getMessage(templateKey, arguments.toArray(), templateKey, locale);
	}

}
