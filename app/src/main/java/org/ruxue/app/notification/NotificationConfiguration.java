package org.ruxue.app.notification;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The SMS gateway chosen by {@code ruxue.notification.sms.gateway} and the worker that
 * drains the outbox every {@code ruxue.notification.poll-interval} on every node.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration implements SchedulingConfigurer {

	static final String GATEWAY = "ruxue.notification.sms.gateway";

	private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

	private final NotificationProperties properties;

	private final Clock clock;

	private final OutboxWorker worker;

	NotificationConfiguration(NotificationProperties properties, Clock clock, Outbox outbox, SmsGateway gateway,
			MessageTexts texts) {
		this.properties = properties;
		this.clock = clock;
		this.worker = new OutboxWorker(outbox, gateway, texts, properties.retry().backoff(), properties.lease(),
				properties.batchSize());
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this::drain, properties.pollInterval());
	}

	private void drain() {
		try {
			worker.drain(clock.instant());
		}
		catch (RuntimeException ex) {
			// the database may be away for a moment; the next tick tries again
			log.warn("Outbox drain failed: {}", ex.toString());
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Gateways {

		@Bean
		@ConditionalOnProperty(name = GATEWAY, havingValue = "log", matchIfMissing = true)
		LogSmsGateway logSmsGateway(NotificationProperties properties, Clock clock) {
			return new LogSmsGateway(properties.sms().log().keep(), clock);
		}

		@Bean
		@ConditionalOnProperty(name = GATEWAY, havingValue = "smpp")
		SmppSmsGateway smppSmsGateway(NotificationProperties properties, Outbox outbox, Clock clock) {
			return new SmppSmsGateway(properties.sms().smpp(), new ReceiptRecorder(outbox, clock));
		}

		@Bean
		@ConditionalOnProperty(name = GATEWAY, havingValue = "http")
		HttpSmsGateway httpSmsGateway(NotificationProperties properties) {
			return new HttpSmsGateway(properties.sms().http());
		}

	}

}
