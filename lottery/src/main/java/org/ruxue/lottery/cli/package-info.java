/**
 * The public command line:
 * {@code java -jar ruxue-lottery.jar draw|verify|check|simulate|generate}.
 */
package org.ruxue.lottery.cli;
