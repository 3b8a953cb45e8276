package org.ruxue.app.audit;

/**
 * A domain event that goes on the record. The audit module appends it while the
 * publishing transaction is still open, so the change and its entry commit or roll back
 * together.
 */
public interface AuditedEvent {

	AuditRecord auditRecord();

}
