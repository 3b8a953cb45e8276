package org.ruxue.app.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * Signs a browser in once its account is proven: a new session id (no fixation), a new
 * CSRF token, and the page it wanted before it was sent to sign in.
 */
@Component
class WebSessions {

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository contexts;

	private final HttpSessionCsrfTokenRepository csrf = new HttpSessionCsrfTokenRepository();

	private final RequestCache requests = new HttpSessionRequestCache();

	WebSessions(SecurityContextRepository contexts) {
		this.contexts = contexts;
	}

	/**
	 * @return where to go next
	 */
	String signIn(SignedIn who, HttpServletRequest request, HttpServletResponse response) {
		SavedRequest wanted = requests.getRequest(request, response);
		request.getSession(true);
		request.changeSessionId();
		csrf.saveToken(null, request, response);
		SecurityContext context = holder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(who, null, who.getAuthorities()));
		holder.setContext(context);
		contexts.saveContext(context, request, response);
		if (wanted != null) {
			requests.removeRequest(request, response);
			return wanted.getRedirectUrl();
		}
		return (who.role() == Role.PARENT) ? "/account" : "/";
	}

	/** Ends the browser's session, for a password change that ends all of them. */
	void end(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		holder.clearContext();
	}

	static String ip(HttpServletRequest request) {
		return request.getRemoteAddr();
	}

}
