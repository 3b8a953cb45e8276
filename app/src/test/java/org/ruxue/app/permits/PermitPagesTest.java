package org.ruxue.app.permits;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruxue.app.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * The permit pages over HTTP: a scan goes in only through the rule, with the reason on
 * the page; it comes out only as an attachment that the browser must not sniff.
 */
@IntegrationTest
class PermitPagesTest {

	@Autowired
	PermitFixtures fixtures;

	@Autowired
	PermitApplications applications;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private PermitFixtures.Family family;

	private PermitApplication application;

	@BeforeEach
	void anApplication() {
		fixtures.world();
		family = fixtures.family("页面五证");
		application = applications.start(PermitFixtures.DONGCHENG, family.child().value(), family.childName(),
				family.signedIn());
	}

	@Test
	void aScanIsServedAsAnAttachmentWithItsRecognisedTypeAndNosniff() throws Exception {
		upload("劳动合同 2017.pdf", PermitFixtures.pdf());
		UUID scan = jdbc.sql("select id from permit_scan where application_id = ?")
			.param(application.id().value())
			.query(UUID.class)
			.single();

		MvcResult result = mvc.perform(get("/permits/mine/scans/" + scan).with(user(family.signedIn()))).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
		assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment;")
			.contains("filename*=UTF-8''");
		assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(result.getResponse().getHeader("Content-Security-Policy")).contains("sandbox");
		assertThat(result.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");

		PermitFixtures.Family stranger = fixtures.family("页面陌生");
		assertThat(mvc.perform(get("/permits/mine/scans/" + scan).with(user(stranger.signedIn())))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void uploadAbuseOverHttp_eachRefusalIsExplainedOnThePageAndNothingIsStored() throws Exception {
		assertThat(upload("contract.pdf", "<html><script>alert(1)</script></html>".getBytes()))
			.contains("不是 PDF、JPEG 或 PNG");
		assertThat(upload("contract.pdf", new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 }))
			.contains("不是 PDF、JPEG 或 PNG");
		assertThat(upload("big.pdf",
				PermitFixtures.concat(PermitFixtures.pdf(), new byte[(int) applications.maxScanBytes()])))
			.contains("文件过大");
		assertThat(upload("../../etc/passwd", PermitFixtures.pdf())).contains("文件名不能包含路径");
		assertThat(upload("photo.jpg",
				PermitFixtures.concat(PermitFixtures.image("jpg"), "<html><body>x</body></html>".getBytes())))
			.contains("文件结束后还附有其他数据");

		assertThat(jdbc.sql("select count(*) from permit_scan where application_id = ?")
			.param(application.id().value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theMessagesStandInChineseAndEnglish() throws IOException {
		Properties chinese = load("i18n/permits.properties");
		Properties english = load("i18n/permits_en.properties");

		assertThat(english.stringPropertyNames()).isEqualTo(chinese.stringPropertyNames());
		assertThat(chinese.stringPropertyNames()).allMatch(key -> key.startsWith("permits."));
	}

	private String upload(String name, byte[] content) throws Exception {
		MvcResult result = mvc
			.perform(multipart("/permits/mine/" + application.id() + "/scans")
				.file(new MockMultipartFile("file", name, "application/pdf", content))
				.param("document", "1")
				.with(csrf())
				.with(user(family.signedIn())))
			.andReturn();
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (var in = PermitPagesTest.class.getClassLoader().getResourceAsStream(resource)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
