package org.ruxue.app.notification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMPP 3.4 with jsmpp: one transceiver session, bound on first use and re-bound after a
 * drop, with exponential backoff between failed binds. Texts go out in UCS2 (data_coding
 * 0x08, as Chinese needs), longer ones in message_payload or in concatenated segments;
 * delivery receipts are asked for and recorded. Every submit_sm carries the outbox id in
 * a vendor-specific TLV ({@link #IDEMPOTENCY_TAG}), so an SMSC that honours it can drop
 * the duplicate a retry after a lost response would otherwise cause.
 */
class SmppSmsGateway implements SmsGateway, AutoCloseable {

	/** Vendor-specific TLV (0x1400–0x3FFF) with the outbox id as ASCII digits. */
	static final short IDEMPOTENCY_TAG = 0x1501;

	/** The most octets short_message takes; longer texts use message_payload. */
	private static final int SHORT_MESSAGE_MAX = 140;

	/** UCS2 characters per segment of a concatenated text: (140 - 6) / 2. */
	private static final int SEGMENT_CHARS = 67;

	private static final int UDH_LENGTH = 6;

	private static final Logger log = LoggerFactory.getLogger(SmppSmsGateway.class);

	private static final GeneralDataCoding UCS2 = new GeneralDataCoding(Alphabet.ALPHA_UCS2);

	private final NotificationProperties.Smpp config;

	private final DeliveryReceipts receipts;

	private final LongSupplier nanoTime;

	private SMPPSession session;

	private long reconnectDelayMillis;

	private long nextBindAt;

	SmppSmsGateway(NotificationProperties.Smpp config, DeliveryReceipts receipts) {
		this(config, receipts, System::nanoTime);
	}

	SmppSmsGateway(NotificationProperties.Smpp config, DeliveryReceipts receipts, LongSupplier nanoTime) {
		this.config = config;
		this.receipts = receipts;
		this.nanoTime = nanoTime;
		this.reconnectDelayMillis = config.initialReconnectDelay().toMillis();
		this.nextBindAt = nanoTime.getAsLong();
	}

	@Override
	public synchronized String send(Sms sms) throws SmsNotSentException {
		SMPPSession bound = bound();
		byte[] text = sms.text().getBytes(StandardCharsets.UTF_16BE);
		if (text.length <= SHORT_MESSAGE_MAX) {
			return submit(bound, sms, new ESMClass(), text, idempotencyKey(Long.toString(sms.id())));
		}
		if (config.longTexts() == LongTexts.PAYLOAD) {
			return submit(bound, sms, new ESMClass(), new byte[0], idempotencyKey(Long.toString(sms.id())),
					new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), text));
		}
		return submitInSegments(bound, sms);
	}

	/**
	 * A concatenated text: segments of at most 67 UCS2 characters behind a 6-octet user
	 * data header (reference = the outbox id's low byte). Each segment has its own
	 * idempotency key, "id/segment", so a retry after a partial send repeats nothing at
	 * an SMSC that honours it. The first segment's id stands for the message.
	 */
	private String submitInSegments(SMPPSession bound, Sms sms) throws SmsNotSentException {
		List<String> segments = segments(sms.text());
		ESMClass udhi = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI);
		String first = null;
		for (int i = 0; i < segments.size(); i++) {
			byte[] body = segments.get(i).getBytes(StandardCharsets.UTF_16BE);
			byte[] message = new byte[UDH_LENGTH + body.length];
			message[0] = 0x05;
			message[1] = 0x00;
			message[2] = 0x03;
			message[3] = (byte) sms.id();
			message[4] = (byte) segments.size();
			message[5] = (byte) (i + 1);
			System.arraycopy(body, 0, message, UDH_LENGTH, body.length);
			String id = submit(bound, sms, udhi, message, idempotencyKey(sms.id() + "/" + (i + 1)));
			first = (first != null) ? first : id;
		}
		return first;
	}

	static List<String> segments(String text) {
		List<String> segments = new ArrayList<>();
		int start = 0;
		while (start < text.length()) {
			int end = Math.min(start + SEGMENT_CHARS, text.length());
			if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
				end--;
			}
			segments.add(text.substring(start, end));
			start = end;
		}
		return segments;
	}

	private static OptionalParameter idempotencyKey(String key) {
		return new OptionalParameter.OctetString(IDEMPOTENCY_TAG, key.getBytes(StandardCharsets.US_ASCII));
	}

	private String submit(SMPPSession bound, Sms sms, ESMClass esmClass, byte[] shortMessage, OptionalParameter... tlvs)
			throws SmsNotSentException {
		try {
			return bound
				.submitShortMessage("", sourceTon(), NumberingPlanIndicator.UNKNOWN, config.sourceAddress(),
						TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, sms.to(), esmClass, (byte) 0, (byte) 1, null,
						null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0, UCS2, (byte) 0,
						shortMessage, tlvs)
				.getMessageId();
		}
		catch (NegativeResponseException ex) {
			throw refused(ex);
		}
		catch (ResponseTimeoutException | IOException | InvalidResponseException ex) {
			// the outcome is unknown: start a fresh session and let the worker try again
			drop();
			throw SmsNotSentException.temporary("SMPP submit_sm: " + ex.getMessage(), ex);
		}
		catch (PDUException ex) {
			throw SmsNotSentException.permanent("SMPP submit_sm invalid: " + ex.getMessage());
		}
	}

	/** How texts longer than one short_message go: in message_payload, or in segments. */
	enum LongTexts {

		PAYLOAD, SPLIT

	}

	@Override
	public synchronized void close() {
		if (session != null) {
			session.unbindAndClose();
			session = null;
		}
	}

	synchronized boolean isBound() {
		return session != null && session.getSessionState().isBound();
	}

	private SMPPSession bound() throws SmsNotSentException {
		if (isBound()) {
			return session;
		}
		drop();
		long now = nanoTime.getAsLong();
		if (now - nextBindAt < 0) {
			throw SmsNotSentException.temporary("SMPP reconnecting in " + (nextBindAt - now) / 1_000_000 + " ms", null);
		}
		SMPPSession fresh = new SMPPSession();
		fresh.setTransactionTimer(config.responseTimeout().toMillis());
		fresh.setEnquireLinkTimer((int) config.enquireLinkInterval().toMillis());
		fresh.setMessageReceiverListener(new Receipts());
		try {
			fresh.connectAndBind(config.host(), config.port(),
					new BindParameter(BindType.BIND_TRX, config.systemId(), config.password(), config.systemType(),
							TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
					config.responseTimeout().toMillis());
		}
		catch (IOException ex) {
			fresh.close();
			nextBindAt = now + reconnectDelayMillis * 1_000_000;
			log.warn("SMPP bind to {}:{} failed, next try in {} ms: {}", config.host(), config.port(),
					reconnectDelayMillis, ex.getMessage());
			reconnectDelayMillis = Math.min(reconnectDelayMillis * 2, config.maxReconnectDelay().toMillis());
			throw SmsNotSentException.temporary("SMPP bind failed: " + ex.getMessage(), ex);
		}
		reconnectDelayMillis = config.initialReconnectDelay().toMillis();
		log.info("SMPP bound to {}:{} as {}", config.host(), config.port(), config.systemId());
		session = fresh;
		return fresh;
	}

	private void drop() {
		if (session != null) {
			session.close();
			session = null;
		}
	}

	private TypeOfNumber sourceTon() {
		return config.sourceAddress().chars().allMatch(Character::isDigit) ? TypeOfNumber.UNKNOWN
				: TypeOfNumber.ALPHANUMERIC;
	}

	private static SmsNotSentException refused(NegativeResponseException ex) {
		int status = ex.getCommandStatus();
		boolean permanent = status == SMPPConstant.STAT_ESME_RINVDSTADR || status == SMPPConstant.STAT_ESME_RINVMSGLEN
				|| status == SMPPConstant.STAT_ESME_RINVDCS;
		String message = "SMPP submit_sm refused with status 0x" + Integer.toHexString(status);
		return permanent ? SmsNotSentException.permanent(message) : SmsNotSentException.temporary(message, ex);
	}

	/** Where the SMSC's delivery receipts go: by the message id it gave on submit. */
	@FunctionalInterface
	interface DeliveryReceipts {

		void received(String gatewayMessageId, String state);

	}

	private final class Receipts implements MessageReceiverListener {

		@Override
		public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
			if (!deliverSm.isSmscDeliveryReceipt()) {
				return;
			}
			try {
				DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
				OptionalParameter receipted = deliverSm
					.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
				String id = (receipted instanceof OptionalParameter.OctetString octets)
						? octets.getValueAsString().replace("\0", "") : receipt.getId();
				receipts.received(id, receipt.getFinalStatus().name());
			}
			catch (InvalidDeliveryReceiptException | RuntimeException ex) {
				log.warn("Unreadable SMPP delivery receipt: {}", ex.getMessage());
			}
		}

		@Override
		public void onAcceptAlertNotification(AlertNotification alertNotification) {
		}

		@Override
		public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
			throw new ProcessRequestException("data_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
		}

	}

}
