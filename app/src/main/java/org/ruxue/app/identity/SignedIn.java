package org.ruxue.app.identity;

import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in account as other modules see it: its role and the district or school it
 * is bound to (for a family: the child's district). No password hash is kept in the
 * session.
 */
public record SignedIn(AccountId id, String username, String displayName, Role role, String districtCode,
		String schoolCode) implements UserDetails {

	@Override
	public List<GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(role.authority()));
	}

	@Override
	public String getPassword() {
		return null;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public String toString() {
		return "SignedIn[" + username + ", " + role + "]";
	}

}
