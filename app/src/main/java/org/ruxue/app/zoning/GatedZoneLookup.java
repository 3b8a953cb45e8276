package org.ruxue.app.zoning;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.TreeSet;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.ruxue.app.calendar.EnrollmentCalendar;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity-gated lookup (R-Z2, the Dongcheng way), for districts that switch it on:
 * each ID number, the child's and the guardian's, may look up at most two distinct
 * addresses per year in the district. The limit is kept in the database under an advisory
 * lock per ID number's hash, so it holds under concurrent requests on any node. ID
 * numbers are stored only as HMAC-SHA256 with the key {@code ruxue.zoning.lookup-key}.
 */
@Service
public class GatedZoneLookup {

	static final int ADDRESSES_PER_ID_NUMBER = 2;

	private final ZoneLookup lookup;

	private final JdbcClient jdbc;

	private final EnrollmentCalendar calendar;

	private final ApplicationEventPublisher events;

	private final SecretKeySpec key;

	GatedZoneLookup(ZoneLookup lookup, JdbcClient jdbc, EnrollmentCalendar calendar, ApplicationEventPublisher events,
			@Value("${ruxue.zoning.lookup-key:ruxue-demo-lookup-key-not-for-production}") String key) {
		this.lookup = lookup;
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.events = events;
		this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	/** Whether the district answers only the gated lookup. */
	public boolean isGated(String districtCode) {
		return jdbc.sql("select coalesce(bool_or(gated_lookup), false) from zoning_district where district_code = ?")
			.param(districtCode)
			.query(Boolean.class)
			.single();
	}

	/**
	 * @throws GatedLookupLimitReached when either ID number has used its two addresses
	 * @throws IllegalArgumentException when the district does not offer the gated lookup
	 */
	@Transactional(noRollbackFor = GatedLookupLimitReached.class)
	public ZoneLookupResult lookup(GatedLookupRequest request) {
		if (!isGated(request.districtCode())) {
			throw new InvalidZoneQuery("zoning.error.not-gated",
					"This district's lookup is open: no ID numbers are needed");
		}
		int year = calendar.currentYear().orElse(calendar.today().getYear());
		ZoneLookupResult result = lookup.lookup(new ZoneQuery(request.address(), request.districtCode(),
				request.level(), request.certificateDate(), null), true);
		// the same home typed two ways is one address: the best match's standard text
		String address = result.found() ? result.candidates().getFirst().address() : result.normalised();
		String reference = UUID.randomUUID().toString();
		// locked in one order, so that two requests naming the same pair cannot deadlock
		TreeSet<String> hashes = new TreeSet<>();
		hashes.add(hash(request.childIdNumber()));
		hashes.add(hash(request.guardianIdNumber()));
		for (String hash : hashes) {
			jdbc.sql("select pg_advisory_xact_lock(?)")
				.param(Long.parseUnsignedLong(hash.substring(0, 16), 16))
				.query((rs, n) -> null)
				.list();
		}
		for (String hash : hashes) {
			if (!mayLookUp(request.districtCode(), year, hash, address)) {
				events.publishEvent(new GatedLookupMade(reference, request.districtCode(), year, "refused"));
				throw new GatedLookupLimitReached(ADDRESSES_PER_ID_NUMBER);
			}
		}
		for (String hash : hashes) {
			jdbc.sql("""
					insert into gated_lookup (district_code, year, id_hash, address_key, first_at)
					values (?, ?, ?, ?, ?) on conflict do nothing
					""")
				.params(request.districtCode(), year, hash, address, java.sql.Timestamp.from(calendar.now()))
				.update();
		}
		events.publishEvent(new GatedLookupMade(reference, request.districtCode(), year, "answered"));
		return result;
	}

	private boolean mayLookUp(String district, int year, String hash, String address) {
		var addresses = jdbc
			.sql("select address_key from gated_lookup where district_code = ? and year = ? and id_hash = ?")
			.params(district, year, hash)
			.query(String.class)
			.list();
		return addresses.contains(address) || addresses.size() < ADDRESSES_PER_ID_NUMBER;
	}

	String hash(String idNumber) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return HexFormat.of().formatHex(mac.doFinal(idNumber.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
