package org.ruxue.app.zoning;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every change to schools, zones, addresses and district settings goes through here, in
 * the changing transaction: the dictionary's version moves on (so every node rebuilds its
 * index) and the change is published for the audit trail.
 */
@Component
class DictionaryChanges {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	DictionaryChanges(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	void record(ZoneDictionaryChanged change) {
		jdbc.sql("update zone_dictionary_version set version = version + 1").update();
		events.publishEvent(change);
	}

}
