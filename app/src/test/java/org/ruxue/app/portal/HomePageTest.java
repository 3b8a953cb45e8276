package org.ruxue.app.portal;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruxue.app.IntegrationTest;
import org.ruxue.app.Visitor;
import org.ruxue.app.calendar.Calendars;
import org.ruxue.app.calendar.EnrollmentCalendar;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The public pages, under the suite's clock fixed at 10 May 2017, 09:00 Beijing time. */
@IntegrationTest
class HomePageTest {

	@LocalServerPort
	int port;

	@Autowired
	EnrollmentCalendar calendar;

	@BeforeEach
	void sourceYear() {
		Calendars.sourceYear2017(calendar);
	}

	@Test
	void saysWhatIsOpenNowAndWhatComesNextInChinese() {
		HttpResponse<String> home = new Visitor(port).page("/");

		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("UTF-8"));
		String openNow = section(home.body(), "open-now");
		assertThat(openNow).contains("幼升小信息采集", "2017-05-08 至 2017-05-31", "小升初回户籍或居住区申请");
		assertThat(section(home.body(), "coming-next")).contains("全市统一电脑派位", "2017-07-05");
		assertThat(home.body()).contains("当前入学年度：2017 年", "报名先后顺序不影响入学");
	}

	@Test
	void everyPageSaysWhenTheClockIsFixed() {
		assertThat(new Visitor(port).page("/").body()).contains("演示时钟", "2017-05-10 09:00");
		assertThat(new Visitor(port).page("/help").body()).contains("演示时钟");
		assertThat(new Visitor(port).page("/login").body()).contains("演示时钟");
	}

	@Test
	void switchesToEnglishAndRemembersIt() {
		Visitor visitor = new Visitor(port);

		assertThat(visitor.page("/?lang=en").body()).contains("Primary-entry registration", "Demo clock",
				"lang=\"en\"");
		assertThat(visitor.page("/help").body()).contains("I forgot my password.");
		assertThat(visitor.page("/?lang=zh-CN").body()).contains("幼升小信息采集", "lang=\"zh-CN\"");
	}

	@Test
	void theHelpPageAnswersTheSourcesQuestions() {
		String help = new Visitor(port).page("/help").body();

		assertThat(help).contains("忘记了登录密码怎么办", "身份信息核验没有通过怎么办", "收不到短信验证码怎么办", "信息采集表丢了怎么办", "去学校登记时要带什么",
				"集体户口的孩子怎么办", "新来北京的小学毕业生怎么办");
	}

	private static String section(String html, String id) {
		int start = html.indexOf("id=\"" + id + "\"");
		assertThat(start).as("section " + id).isPositive();
		return html.substring(start, html.indexOf("</ul>", start));
	}

}
