package org.ruxue.app.identity;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ruxue.app.notification.NotifyingEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The test's phone: records the real events the application publishes, whichever thread
 * published them (the server's, for browser tests), so a test reads the code a family
 * would read in its text message.
 */
@Component
public class SentCodes {

	private final Map<String, String> lastCode = new ConcurrentHashMap<>();

	private final List<NotifyingEvent> notices = new CopyOnWriteArrayList<>();

	@EventListener
	void on(NotifyingEvent event) {
		notices.add(event);
		if (event instanceof SmsCodeSent sent) {
			lastCode.put(sent.mobile().value(), sent.code());
		}
	}

	public String lastCodeTo(String mobile) {
		String code = lastCode.get(mobile);
		if (code == null) {
			throw new AssertionError("No code was sent to " + mobile);
		}
		return code;
	}

	public boolean codeSentTo(String mobile) {
		return lastCode.containsKey(mobile);
	}

	public List<NotifyingEvent> notices() {
		return List.copyOf(notices);
	}

}
