/**
 * The tamper-evident trail of every state change and every staff read of personal data
 * (R-G9): other modules publish {@link org.ruxue.app.audit.AuditedEvent}s and this module
 * appends them, hash-chained, in the same transaction.
 */
package org.ruxue.app.audit;
