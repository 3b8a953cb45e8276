package org.ruxue.app.primary.form;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Named forms for the renderer's tests and benchmark. */
final class CollectionForms {

	static final OffsetDateTime SUBMITTED = OffsetDateTime.parse("2017-05-10T09:00+08:00");

	static final OffsetDateTime PRINTED = OffsetDateTime.parse("2017-05-12T14:03+08:00");

	private CollectionForms() {
	}

	/** A Beijing-hukou child in Haidian, home owned by the parents, two zone schools. */
	static CollectionForm haidianChild() {
		return haidianChild("欧阳子涵", "2017-110108-000123", "K7Q3-9MXD");
	}

	static CollectionForm haidianChild(String name, String registrationNumber, String shortCode) {
		return new CollectionForm(registrationNumber, shortCode,
				URI.create("https://ruxue.example.org/verify/" + shortCode), 2017, "海淀区", name, "110108201103150027",
				"女", LocalDate.of(2011, 3, 15), "本市户籍", "北京市海淀区中关村街道知春里社区15号楼3单元502", "自有住房", "X京房权证海字第123456号",
				LocalDate.of(2009, 6, 1), "父母", "北京市海淀区中关村街道知春里15号楼3单元502",
				List.of(new CollectionForm.Guardian("欧阳建国", "父亲", "110108198001011234", "13800138000"),
						new CollectionForm.Guardian("李静", "母亲", "110108198203052345", "13900139000")),
				List.of("北京市海淀区中关村第一小学", "北京市海淀区中关村第三小学"), "多校划片：按电脑派位在两所学校中确定一所（R-Z4）", "第一类：本区户籍，父母房产在片内", null,
				false, SUBMITTED, PRINTED);
	}

	/** The same registration after it was cancelled (R-P8): the form is void. */
	static CollectionForm voided() {
		CollectionForm form = haidianChild();
		return new CollectionForm(form.registrationNumber(), form.shortCode(), form.verifyUrl(), form.year(),
				form.districtName(), form.childName(), form.childIdNumber(), form.sex(), form.birthDate(),
				form.hukouType(), form.hukouAddress(), form.homeTenure(), form.certificateNumber(),
				form.certificateDate(), form.owner(), form.residenceAddress(), form.guardians(), form.zoneSchools(),
				form.zoningRule(), form.priorityCategory(), form.studyPermitNumber(), true, form.submittedAt(),
				OffsetDateTime.parse("2017-05-20T10:00+08:00"));
	}

	/**
	 * A non-local child with a study permit (R-P7), renting, with very long addresses.
	 */
	static CollectionForm nonLocalWithLongAddresses(int repeat) {
		String address = "北京市朝阳区望京街道望京西园四区" + "某某胡同甲一号院内东侧临时搭建平房第三排第七间（Building 7, Wangjing Xiyuan） ".repeat(repeat);
		return new CollectionForm("2017-110105-004711", "P4TX-2WQN",
				URI.create("https://ruxue.example.org/verify/P4TX-2WQN"), 2017, "朝阳区", "张伟", "130102201104200018", "男",
				LocalDate.of(2011, 4, 20), "非本市户籍", address, "租住", null, null, null, address,
				List.of(new CollectionForm.Guardian("张大山", "父亲", "130102198507070011", "13700137000")),
				List.of("北京市朝阳区望京实验学校"), "单校划片", "第五类：非本市户籍，持本区在京就读证明", "JD-2017-0105-00981", false, SUBMITTED,
				PRINTED);
	}

}
