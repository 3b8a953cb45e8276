package org.ruxue.app.identity;

/**
 * The platform's Content-Security-Policy, and the one exception other modules may ask
 * for.
 */
public final class ContentSecurityPolicies {

	/**
	 * Only the platform's own scripts, styles and images (Bootstrap and htmx come from
	 * its WebJars), no inline script or style, no plugins, no framing, forms post only to
	 * the platform: an injected tag that slipped past escaping could do nothing.
	 */
	public static final String STRICT = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

	/**
	 * For pages that draw a chart with ECharts, which positions what it draws with style
	 * attributes set from its script: those are allowed, inline {@code <style>} elements
	 * and every inline script still are not. A page sets it as its response's header,
	 * which the security filter then leaves alone.
	 */
	public static final String WITH_STYLE_ATTRIBUTES = STRICT + "; style-src-attr 'unsafe-inline'";

	private ContentSecurityPolicies() {
	}

}
