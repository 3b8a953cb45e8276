package org.ruxue.app.notification;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * A real SMPP server on a loopback port (jsmpp's {@link SMPPServerSessionListener}) that
 * plays the SMSC: it accepts binds, takes submit_sm, hands each text to the "handset"
 * once per idempotency key, sends delivery receipts, and can be told to drop the
 * connection in the middle of a submit — before taking the text, or after taking it but
 * before answering.
 */
class FakeSmsc implements AutoCloseable {

	enum Drop {

		/** Close the connection on receipt, without taking the text. */
		BEFORE_ACCEPTING,
		/** Take the text, then close the connection before the submit_sm_resp. */
		AFTER_ACCEPTING

	}

	/** {@code segment} of {@code segments} for a concatenated text, else 0 of 0. */
	record Submitted(String to, byte dataCoding, String text, boolean inPayload, String idempotencyKey,
			byte registeredDelivery, int shortMessageOctets, int segment, int segments) {

	}

	private final LoopbackOnly loopback = new LoopbackOnly();

	private final SMPPServerSessionListener listener;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final List<SMPPServerSession> sessions = Collections.synchronizedList(new ArrayList<>());

	/** Every submit_sm that reached us, including repeats. */
	final List<Submitted> submits = Collections.synchronizedList(new ArrayList<>());

	/** What reached the handsets: at most one per idempotency key. */
	final List<Submitted> handset = Collections.synchronizedList(new ArrayList<>());

	private final Map<String, String> messageIdByKey = new ConcurrentHashMap<>();

	private final Map<String, Drop> dropFor = new ConcurrentHashMap<>();

	private final Set<String> dropped = ConcurrentHashMap.newKeySet();

	final AtomicInteger binds = new AtomicInteger();

	private final AtomicInteger nextMessageId = new AtomicInteger(1000);

	private volatile boolean receipts = true;

	FakeSmsc() throws IOException {
		this.listener = new SMPPServerSessionListener(0, loopback);
		this.listener.setMessageReceiverListener(new Receiver());
		threads.execute(this::acceptLoop);
	}

	int port() {
		return loopback.port;
	}

	/** The first submit to this number drops the connection. */
	void dropOnFirstSubmitTo(String to, Drop how) {
		dropFor.put(to, how);
	}

	void sendReceipts(boolean send) {
		receipts = send;
	}

	long handsetCount(String to) {
		synchronized (handset) {
			return handset.stream().filter(s -> s.to().equals(to)).count();
		}
	}

	long submitCount(String to) {
		synchronized (submits) {
			return submits.stream().filter(s -> s.to().equals(to)).count();
		}
	}

	private void acceptLoop() {
		while (!threads.isShutdown()) {
			try {
				SMPPServerSession session = listener.accept();
				sessions.add(session);
				threads.execute(() -> bind(session));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void bind(SMPPServerSession session) {
		try {
			BindRequest request = session.waitForBind(5000);
			request.accept("fake-smsc");
			binds.incrementAndGet();
		}
		catch (Exception ex) {
			session.close();
		}
	}

	@Override
	public void close() throws Exception {
		threads.shutdownNow();
		synchronized (sessions) {
			sessions.forEach(SMPPServerSession::unbindAndClose);
		}
		listener.close();
		threads.awaitTermination(5, TimeUnit.SECONDS);
	}

	private final class Receiver implements ServerMessageReceiverListener {

		@Override
		public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession session)
				throws ProcessRequestException {
			Submitted submitted = read(submitSm);
			submits.add(submitted);
			Drop drop = dropFor.get(submitted.to());
			if (drop == Drop.BEFORE_ACCEPTING && dropped.add(submitted.to())) {
				throw dropConnection(session);
			}
			String messageId = messageIdByKey.computeIfAbsent(submitted.idempotencyKey(), key -> {
				handset.add(submitted);
				return Integer.toHexString(nextMessageId.incrementAndGet());
			});
			if (drop == Drop.AFTER_ACCEPTING && dropped.add(submitted.to())) {
				throw dropConnection(session);
			}
			if (receipts) {
				threads.execute(() -> receipt(session, submitted, messageId));
			}
			try {
				return new SubmitSmResult(new MessageId(messageId), new OptionalParameter[0]);
			}
			catch (PDUStringException ex) {
				throw new ProcessRequestException(ex.getMessage(), SMPPConstant.STAT_ESME_RSYSERR);
			}
		}

		private ProcessRequestException dropConnection(SMPPServerSession session) {
			session.close();
			return new ProcessRequestException("dropped", SMPPConstant.STAT_ESME_RSYSERR);
		}

		private void receipt(SMPPServerSession session, Submitted submitted, String messageId) {
			try {
				Thread.sleep(50);
				var now = new java.util.Date();
				DeliveryReceipt receipt = new DeliveryReceipt(messageId, 1, 1, now, now, DeliveryReceiptState.DELIVRD,
						"000", "");
				session.deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, submitted.to(),
						TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "10690000",
						new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
						(byte) 0, (byte) 0, new RegisteredDelivery(0), new GeneralDataCoding(),
						receipt.toString().getBytes(StandardCharsets.US_ASCII));
			}
			catch (Exception ex) {
				// the session is gone: a real SMSC would store the receipt; this test's
				// does not need it
			}
		}

		private Submitted read(SubmitSm submitSm) {
			OptionalParameter payload = submitSm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
			byte[] bytes = (payload instanceof OptionalParameter.OctetString octets) ? octets.getValue()
					: submitSm.getShortMessage();
			int segment = 0;
			int segments = 0;
			if (submitSm.isUdhi()) {
				segments = bytes[4];
				segment = bytes[5];
				bytes = java.util.Arrays.copyOfRange(bytes, bytes[0] + 1, bytes.length);
			}
			OptionalParameter key = submitSm.getOptionalParameter(SmppSmsGateway.IDEMPOTENCY_TAG);
			String idempotencyKey = (key instanceof OptionalParameter.OctetString octets)
					? new String(octets.getValue(), StandardCharsets.US_ASCII) : "none-" + System.nanoTime();
			return new Submitted(submitSm.getDestAddress(), submitSm.getDataCoding(),
					new String(bytes, StandardCharsets.UTF_16BE), payload != null, idempotencyKey,
					submitSm.getRegisteredDelivery(), submitSm.getShortMessage().length, segment, segments);
		}

		@Override
		public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
				throws ProcessRequestException {
			throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
		}

		@Override
		public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
			throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
		}

		@Override
		public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
			throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
		}

		@Override
		public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
			throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
		}

		@Override
		public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
				throws ProcessRequestException {
			throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
		}

		@Override
		public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
				throws ProcessRequestException {
			throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
		}

		@Override
		public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
				SMPPServerSession source) throws ProcessRequestException {
			throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
		}

		@Override
		public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
			throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
		}

	}

	/** Listens on 127.0.0.1 only, on a port the system picks. */
	private static final class LoopbackOnly implements ServerConnectionFactory {

		private volatile int port;

		@Override
		public ServerConnection listen(int ignored) throws IOException {
			return listen(ignored, 0, 50);
		}

		@Override
		public ServerConnection listen(int ignored, int timeout) throws IOException {
			return listen(ignored, timeout, 50);
		}

		@Override
		public ServerConnection listen(int ignored, int timeout, int backlog) throws IOException {
			ServerSocket socket = new ServerSocket(0, backlog, InetAddress.getLoopbackAddress());
			socket.setSoTimeout(timeout);
			port = socket.getLocalPort();
			return new ServerSocketConnection(socket);
		}

	}

}
