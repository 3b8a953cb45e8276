/**
 * Every message to families and staff (R-G6, R-G8): other modules publish
 * {@link org.ruxue.app.notification.NotifyingEvent}s, this module writes their messages
 * to an outbox in the same transaction and delivers them to the web inbox and by SMS.
 */
package org.ruxue.app.notification;
