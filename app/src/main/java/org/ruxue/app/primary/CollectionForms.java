package org.ruxue.app.primary;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import org.ruxue.app.primary.form.CollectionForm;
import org.ruxue.app.primary.form.CollectionFormPdf;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The information-collection form (信息采集表, R-P6, R-P14) of a verified registration, as a
 * PDF in Chinese, the form's official language. Printed as often as the family wants; a
 * cancelled registration prints marked void, and its code verifies as void (R-P8).
 */
@Component
class CollectionForms {

	private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

	private final CollectionFormPdf pdf = new CollectionFormPdf();

	private final RegistrationPages pages;

	private final MessageSource messages;

	private final Clock clock;

	CollectionForms(RegistrationPages pages, MessageSource messages, Clock clock) {
		this.pages = pages;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * @param checkUrl where school staff check the form: its QR code carries this address
	 * with the form's code
	 */
	byte[] render(Registration r, String checkUrl) {
		return pdf.render(form(r, URI.create(checkUrl + "?code=" + r.formCode())));
	}

	CollectionForm form(Registration r, URI verifyUrl) {
		return new CollectionForm(r.number(), r.formCode(), verifyUrl, r.year(), pages.districtName(r.districtCode()),
				r.childName(), r.childIdNumber().value(), zh("primary.sex." + r.sex()), r.birthDate(),
				zh("primary.hukou." + r.hukou()) + ((r.hukouDistrictCode() != null)
						? "（" + pages.districtName(r.hukouDistrictCode()) + "）" : ""),
				r.hukouAddress(), zh("primary.tenure." + r.tenure()), r.certificateNumber(), r.certificateDate(),
				(r.owner() != null) ? zh("primary.owner." + r.owner()) : null, r.address(),
				r.guardians()
					.stream()
					.map(g -> new CollectionForm.Guardian(g.name(), zh("primary.relation." + g.relation()),
							g.idNumber().value(), g.mobile()))
					.toList(),
				pages.schoolNames(r), r.zoneName() + "：" + zh("zoning.rule." + r.zoningRule()),
				r.categoryPosition() + "　" + r.categoryLabel(), r.studyPermitNumber(), !r.formValid(),
				OffsetDateTime.ofInstant(r.submittedAt(), BEIJING), OffsetDateTime.ofInstant(clock.instant(), BEIJING));
	}

	private String zh(String key) {
		return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
	}

}
