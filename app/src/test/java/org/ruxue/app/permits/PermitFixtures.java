package org.ruxue.app.permits;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

import org.ruxue.app.audit.Actor;
import org.ruxue.app.calendar.Calendars;
import org.ruxue.app.calendar.EnrollmentCalendar;
import org.ruxue.app.identity.AccountId;
import org.ruxue.app.identity.FamilyAccounts;
import org.ruxue.app.identity.MobileNumber;
import org.ruxue.app.identity.Role;
import org.ruxue.app.identity.SignedIn;
import org.ruxue.app.population.IdCardNumber;
import org.ruxue.app.population.RegisterEntries;
import org.ruxue.app.zoning.AddressMapping;
import org.ruxue.app.zoning.EntryLevel;
import org.ruxue.app.zoning.ServiceZones;
import org.ruxue.app.zoning.ZoneDefinition;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The world permit tests run in: the 2017 calendar (decisions published from 05-16), a
 * Dongcheng zone for the primary registration a permit unlocks, non-local children with
 * family accounts, and scans of each kind made on the spot.
 */
@Component
public class PermitFixtures {

	static final String DONGCHENG = "110101";

	static final String XICHENG = "110102";

	static final String ADDRESS = "五证测试家园";

	private static final AtomicInteger next = new AtomicInteger();

	final RegisterEntries register;

	final FamilyAccounts families;

	final ServiceZones zones;

	final EnrollmentCalendar calendar;

	final JdbcClient jdbc;

	PermitFixtures(RegisterEntries register, FamilyAccounts families, ServiceZones zones, EnrollmentCalendar calendar,
			JdbcClient jdbc) {
		this.register = register;
		this.families = families;
		this.zones = zones;
		this.calendar = calendar;
		this.jdbc = jdbc;
	}

	void world() {
		Calendars.sourceYear2017(calendar);
		jdbc.sql("""
				insert into school (code, name, district_code, level, public, address, seats_per_year)
				values ('PM-TEST-DC1', '五证测试东城小学', ?, 'PRIMARY', true, '测试地址', 100) on conflict do nothing
				""").param(DONGCHENG).update();
		zones.saveZone(new ZoneDefinition(DONGCHENG, 2017, EntryLevel.PRIMARY, "五证测试东城片", "PM-TEST-DC1", List.of()),
				Actor.SYSTEM);
		zones.saveAddress(
				new AddressMapping(DONGCHENG, 2017, EntryLevel.PRIMARY, "五证测试东城片", ADDRESS, null, List.of(), false),
				Actor.SYSTEM);
		// R-P15: every test starts from the source's day, 05-16, in the districts it uses
		jdbc.sql("delete from permit_publication").update();
		jdbc.sql("delete from permit_document where district_code <> '110000'").update();
	}

	/** A non-local child of the 2017 cohort with its family's account. */
	Family family(String childName) {
		int n = next.incrementAndGet();
		IdCardNumber child = register.newPerson(childName, "130102", LocalDate.of(2011, 3, 1 + n % 28), null, false);
		String mobile = String.format("136%08d", 20_000_000 + n * 13 + (int) (System.nanoTime() % 13));
		AccountId account = families.provision(child, childName, null, new MobileNumber(mobile));
		SignedIn signedIn = new SignedIn(account, families.contact(account).orElseThrow().username(), childName,
				Role.PARENT, null, null);
		return new Family(child, childName, mobile, signedIn);
	}

	record Family(IdCardNumber child, String childName, String mobile, SignedIn signedIn) {

	}

	static SignedIn officer(String district) {
		return new SignedIn(AccountId.random(), "pm-officer-" + district, "区教委", Role.DISTRICT_OFFICER, district, null);
	}

	static SignedIn cityAdmin() {
		return new SignedIn(AccountId.random(), "pm-city", "市教委", Role.CITY_ADMIN, null, null);
	}

	/** Every field of every document filled in, dates as dates. */
	public static Map<String, String> details(PermitApplication a) {
		Map<String, String> values = new HashMap<>();
		for (PermitApplication.Document d : a.documents()) {
			for (PermitApplication.FieldValue f : d.fields()) {
				values.put(f.param(d.position()),
						(f.kind() == RequiredDocument.FieldKind.DATE) ? "2016-03-01" : "测试" + f.label());
			}
		}
		return values;
	}

	public static byte[] pdf() {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.addPage(new PDPage());
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] image(String format) {
		BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 3, 0xFF0000);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, format, out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] concat(byte[] a, byte[] b) {
		byte[] all = new byte[a.length + b.length];
		System.arraycopy(a, 0, all, 0, a.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

}
