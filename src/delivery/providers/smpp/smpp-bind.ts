import { connect as connectSmpp, type Pdu, type PduFields, type Session } from "smpp";
import { type DeliveryLogger, SmsDeliveryError } from "../../provider.js";
import { RequestWindow } from "./request-window.js";
import { describeStatus } from "./submit-status.js";

export interface SmppBindOptions {
  host: string;
  port: number;
  tls: boolean;
  systemId: string;
  password: string;
  systemType: string;
  /** Requests sent and not yet answered, at most. */
  window: number;
  enquireLinkMs: number;
  /** How long a bind, a submit or an enquire_link may wait for its answer. */
  responseTimeoutMs: number;
  /** The first reconnect delay; it doubles after each failure up to `reconnectMaxMs`. */
  reconnectInitialMs: number;
  reconnectMaxMs: number;
}

/** Answers one `deliver_sm` (a receipt or a mobile-originated SMS) with the command_status to send back. */
export type DeliverHandler = (pdu: Pdu) => Promise<number>;

/** A submit waiting for its `submit_sm_resp`. */
interface PendingRequest {
  fail(error: SmsDeliveryError): void;
}

/** One TCP (or TLS) connection and what it carries; a reconnect makes a new one. */
interface Connection {
  session: Session;
  bound: boolean;
  pending: Set<PendingRequest>;
  enquireTimer: NodeJS.Timeout | undefined;
  closed: Promise<void>;
}

/**
 * A transceiver bind to one SMSC, kept up: binds on start, rebinds with exponential backoff (capped) after
 * a drop, a refused bind or an unanswered `enquire_link`, and unbinds on close. Submits share a window of
 * outstanding requests; a submit with no bind up fails at once (retryable), since waiting for a bind
 * that may take minutes would hold the message past its lease.
 */
export class SmppBind {
  private connection: Connection | null = null;
  private running = false;
  private failures = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private readonly window: RequestWindow;
  private readonly boundListeners = new Set<() => void>();
  private lastProblem = "not started";

  constructor(
    private readonly options: SmppBindOptions,
    private readonly logger: DeliveryLogger,
    private readonly onDeliver: DeliverHandler,
  ) {
    this.window = new RequestWindow(options.window);
  }

  get bound(): boolean {
    return this.connection?.bound === true;
  }

  /** Binds; resolves once the first attempt has bound or failed (later ones go on in the background). */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await new Promise<void>((resolve) => this.connect(resolve));
  }

  /** Resolves when the bind is up, for callers (tests, a health check) that want to wait for it. */
  whenBound(timeoutMs: number): Promise<void> {
    if (this.bound) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const listener = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.boundListeners.delete(listener);
        reject(new Error(`no SMPP bind within ${timeoutMs} ms: ${this.lastProblem}`));
      }, timeoutMs);
      this.boundListeners.add(listener);
    });
  }

  /** Stops rebinding, unbinds (waiting for `unbind_resp` at most the response timeout) and disconnects. */
  async close(): Promise<void> {
    this.running = false;
    clearTimeout(this.reconnectTimer);
    const connection = this.connection;
    if (!connection) return;
    if (connection.bound) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.responseTimeoutMs);
        const sent = connection.session.unbind({}, () => {
          clearTimeout(timer);
          resolve();
        });
        if (!sent) resolve();
      });
    }
    connection.session.destroy();
    await connection.closed;
  }

  /**
   * Sends one request and resolves with its answer, whatever its command_status. Waits for room in the
   * window until `deadline` (a `Date.now()` time), then for the answer until the response timeout or the
   * deadline, whichever comes first.
   */
  async submit(fields: PduFields, deadline: number): Promise<Pdu> {
    if (!this.bound) throw this.unboundError();
    await this.window.acquire(deadline);
    try {
      const connection = this.connection;
      if (!connection?.bound) throw this.unboundError();
      return await new Promise<Pdu>((resolve, reject) => {
        const waitMs = Math.max(0, Math.min(this.options.responseTimeoutMs, deadline - Date.now()));
        const pending: PendingRequest = {
          fail: (error) => {
            clearTimeout(timer);
            connection.pending.delete(pending);
            reject(error);
          },
        };
        const timer = setTimeout(() => {
          pending.fail(
            new SmsDeliveryError(
              `smpp submit_sm got no answer within ${waitMs} ms (the SMSC may have accepted it)`,
              true,
            ),
          );
        }, waitMs);
        connection.pending.add(pending);
        const sent = connection.session.submit_sm(fields, (pdu) => {
          if (!connection.pending.has(pending)) return; // answered after its timeout: already failed
          clearTimeout(timer);
          connection.pending.delete(pending);
          resolve(pdu);
        });
        if (!sent) pending.fail(this.droppedError());
      });
    } finally {
      this.window.release();
    }
  }

  private unboundError(): SmsDeliveryError {
    return new SmsDeliveryError(`smpp not bound to ${this.endpoint()}: ${this.lastProblem}`, true);
  }

  private droppedError(): SmsDeliveryError {
    return new SmsDeliveryError(
      `smpp connection to ${this.endpoint()} dropped before the SMSC answered (it may have accepted the message)`,
      true,
    );
  }

  private endpoint(): string {
    return `${this.options.host}:${this.options.port}`;
  }

  /** Opens a connection and binds; `attempted` is called once this attempt has bound or failed. */
  private connect(attempted: () => void = () => {}): void {
    const { host, port, tls } = this.options;
    const session = connectSmpp(tls ? { host, port, tls, servername: host } : { host, port });
    let settle = attempted;
    const settled = () => {
      settle();
      settle = () => {};
    };
    let markClosed = () => {};
    const connection: Connection = {
      session,
      bound: false,
      pending: new Set(),
      enquireTimer: undefined,
      closed: new Promise((resolve) => {
        markClosed = resolve;
      }),
    };
    this.connection = connection;
    const bindTimer = setTimeout(() => {
      this.lastProblem = `no bind_transceiver_resp within ${this.options.responseTimeoutMs} ms`;
      session.destroy();
    }, this.options.responseTimeoutMs);

    session.on(tls ? "secureConnect" : "connect", () => {
      session.bind_transceiver(
        {
          system_id: this.options.systemId,
          password: this.options.password,
          system_type: this.options.systemType,
          interface_version: 0x34,
        },
        (pdu) => {
          clearTimeout(bindTimer);
          if (pdu.command_status !== 0) {
            this.lastProblem = `bind refused: ${describeStatus(pdu.command_status)}`;
            this.logger.error(
              {
                smsc: this.endpoint(),
                systemId: this.options.systemId,
                status: describeStatus(pdu.command_status),
              },
              "smpp bind refused by the SMSC; retrying with backoff",
            );
            session.destroy();
            return;
          }
          connection.bound = true;
          this.failures = 0;
          this.lastProblem = "bound";
          this.logger.info(
            { smsc: this.endpoint(), systemId: this.options.systemId },
            "smpp bound (transceiver)",
          );
          connection.enquireTimer = setInterval(
            () => this.enquireLink(connection),
            this.options.enquireLinkMs,
          );
          settled();
          for (const listener of this.boundListeners) listener();
          this.boundListeners.clear();
        },
      );
    });
    session.on("deliver_sm", (pdu: Pdu) => {
      this.onDeliver(pdu).then(
        (status) => session.send(pdu.response({ command_status: status })),
        () => session.send(pdu.response({ command_status: 0x64 })), // ESME_RX_T_APPN: ask for it again later
      );
    });
    session.on("enquire_link", (pdu: Pdu) => session.send(pdu.response()));
    session.on("unbind", (pdu: Pdu) => {
      this.lastProblem = "the SMSC unbound";
      session.send(pdu.response());
      session.close();
    });
    // A PDU the SMSC has no business sending: generic_nack with ESME_RINVCMDID, as SMPP 3.4 §4.3 asks.
    session.on("unknown", (pdu: Pdu) => session.send(pdu.response()));
    session.on("error", (error: Error & { code?: string }) => {
      this.lastProblem = error.code ?? error.message;
      // The library also reports a malformed PDU here and then stops reading: start over.
      session.destroy();
    });
    session.on("close", () => {
      clearTimeout(bindTimer);
      clearInterval(connection.enquireTimer);
      const wasBound = connection.bound;
      connection.bound = false;
      for (const pending of [...connection.pending]) pending.fail(this.droppedError());
      this.window.rejectWaiters(this.droppedError());
      markClosed();
      settled();
      if (!this.running) return;
      if (wasBound)
        this.logger.warn({ smsc: this.endpoint(), reason: this.lastProblem }, "smpp connection lost");
      this.scheduleReconnect();
    });
  }

  private scheduleReconnect(): void {
    const delayMs = Math.min(
      this.options.reconnectInitialMs * 2 ** this.failures,
      this.options.reconnectMaxMs,
    );
    this.failures++;
    this.logger.info(
      { smsc: this.endpoint(), delayMs, reason: this.lastProblem },
      "smpp rebinding after a delay",
    );
    this.reconnectTimer = setTimeout(() => {
      if (this.running) this.connect();
    }, delayMs);
  }

  /** Checks the link; an `enquire_link` unanswered within the response timeout drops the connection. */
  private enquireLink(connection: Connection): void {
    const timer = setTimeout(() => {
      this.lastProblem = `enquire_link unanswered within ${this.options.responseTimeoutMs} ms`;
      this.logger.warn({ smsc: this.endpoint() }, "smpp enquire_link unanswered; dropping the connection");
      connection.session.destroy();
    }, this.options.responseTimeoutMs);
    const sent = connection.session.enquire_link({}, () => clearTimeout(timer));
    if (!sent) clearTimeout(timer);
  }
}
