package org.ruxue.app.identity;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Ends every session of an account, on every node: after a password change or reset. */
@Component
class Sessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	Sessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	int endAllOf(String username) {
		var found = sessions.findByPrincipalName(username).keySet();
		found.forEach(sessions::deleteById);
		return found.size();
	}

}
