package org.ruxue.app.primary;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A district's ordered priority categories (primary_category): the first whose conditions
 * hold classifies a registration (R-P5, R-P7, R-P10).
 */
@Component
class PriorityCategories {

	private final JdbcClient jdbc;

	PriorityCategories(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What the rule reads.
	 *
	 * @param propertyOwner PARENTS, GRANDPARENTS, OTHER, or NONE for no owned home that
	 * counts
	 */
	record Inputs(boolean hukouLocal, boolean hukouInZone, String propertyOwner, String sixYearNote) {

		String describe() {
			return "hukouLocal=" + hukouLocal + ", hukouInZone=" + hukouInZone + ", property=" + propertyOwner
					+ ((sixYearNote != null) ? ", " + sixYearNote : "");
		}

	}

	record Category(int position, String label, String labelEn, Boolean hukouLocal, Boolean hukouInZone,
			String propertyOwner) {

		boolean matches(Inputs inputs) {
			return (hukouLocal == null || hukouLocal == inputs.hukouLocal())
					&& (hukouInZone == null || hukouInZone == inputs.hukouInZone())
					&& (propertyOwner == null || propertyOwner.equals(inputs.propertyOwner()));
		}

		String label(Locale locale) {
			return "en".equals(locale.getLanguage()) ? labelEn : label;
		}

	}

	/** The city's default list, for districts without their own. */
	static final String CITY = "110000";

	List<Category> of(String districtCode) {
		return jdbc.sql("""
				select position, label, label_en, hukou_local, hukou_in_zone, property_owner
				from primary_category
				where district_code = (select coalesce(max(district_code), :city) from primary_category
				                       where district_code = :district)
				order by position
				""")
			.param("district", districtCode)
			.param("city", CITY)
			.query((rs, row) -> new Category(rs.getInt("position"), rs.getString("label"), rs.getString("label_en"),
					(Boolean) rs.getObject("hukou_local"), (Boolean) rs.getObject("hukou_in_zone"),
					rs.getString("property_owner")))
			.list();
	}

	/**
	 * The first category that applies; a district's list should end with a catch-all, and
	 * when it does not, the registration still gets the last position plus one.
	 */
	Category classify(String districtCode, Inputs inputs) {
		List<Category> categories = of(districtCode);
		return categories.stream()
			.filter(c -> c.matches(inputs))
			.findFirst()
			.orElse(new Category(categories.size() + 1, "其他，由区统筹安排", "Other, placed by the district", null, null,
					null));
	}

}
