package org.ruxue.app.opportunity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * One junior high's figures of one year: its graduates, the percentage of them who
 * entered a quality high school, and the quota places each quality high school allotted
 * to it.
 */
public record YearFigures(int year, int graduates, BigDecimal shareEntered, List<QuotaPlaces> quotas) {

	public YearFigures {
		quotas = List.copyOf(quotas);
	}

	public int totalPlaces() {
		return quotas.stream().mapToInt(QuotaPlaces::places).sum();
	}

	/** Quota places per graduate, to three decimals: the chance the quotas alone give. */
	public BigDecimal placesPerGraduate() {
		return BigDecimal.valueOf(totalPlaces()).divide(BigDecimal.valueOf(graduates), 3, RoundingMode.HALF_UP);
	}

	/**
	 * The same as places per 100 graduates, to one decimal, so that it reads beside the
	 * share.
	 */
	public BigDecimal placesPerHundredGraduates() {
		return BigDecimal.valueOf(100L * totalPlaces()).divide(BigDecimal.valueOf(graduates), 1, RoundingMode.HALF_UP);
	}

	public int places(String highSchoolCode) {
		return quotas.stream()
			.filter(q -> q.highSchoolCode().equals(highSchoolCode))
			.mapToInt(QuotaPlaces::places)
			.sum();
	}

}
