import { connect, createServer, type Server, type Socket } from "node:net";

/**
 * What the client sent through a {@link PgWireProxy} since the last `reset()`.
 *
 * `roundTrips` is what latency pays for: the client sending after it heard from the server. Messages
 * sent back to back without waiting for an answer (a pipeline) are one round trip however many
 * statements they hold; a client that waits for each answer pays one per statement.
 */
export interface WireCounts {
  roundTrips: number;
  /** Extended-protocol Sync messages (`S`): each ends a unit the server answers with ReadyForQuery. */
  syncs: number;
  /** Simple-protocol Query messages (`Q`): one statement string (or several), parsed every time. */
  queries: number;
  /** Parse messages (`P`): a statement parsed (and planned on first execution) by the server. */
  parses: number;
  /** Parse messages that named their statement, so the server keeps it for the session. */
  namedParses: number;
  /** Execute messages (`E`): statements run through the extended protocol. */
  executes: number;
  /** Connections opened (each a startup and authentication round trip, not counted above). */
  connections: number;
}

export interface PgWireProxy {
  /** The proxied URL: the target's, with host and port replaced by the proxy's. */
  url: string;
  counts(): WireCounts;
  /** The SQL the client sent since the last `reset()`: each Parse's and each Query's text, in order. */
  statements(): string[];
  reset(): void;
  /** Ends every proxied connection abruptly, as a server or network failure would. */
  cutAll(): void;
  /** Calls `onMessage` for each frontend message type byte seen (tests use it to cut mid-pipeline). */
  onMessage(listener: ((type: string, socket: Socket) => void) | undefined): void;
  close(): Promise<void>;
}

const zero = (): WireCounts => ({
  roundTrips: 0,
  syncs: 0,
  queries: 0,
  parses: 0,
  namedParses: 0,
  executes: 0,
  connections: 0,
});

const cString = (buffer: Buffer, start: number): string =>
  buffer.toString("utf8", start, buffer.indexOf(0, start));

/**
 * A TCP proxy in front of PostgreSQL that reads the frontend (client to server) side of the wire
 * protocol and counts what the client sends. Plain TCP only (no TLS): tests point it at 127.0.0.1.
 */
export async function startPgWireProxy(targetUrl: string): Promise<PgWireProxy> {
  const target = new URL(targetUrl);
  const targetPort = Number(target.port || 5432);
  let counts = zero();
  let statements: string[] = [];
  let listener: ((type: string, socket: Socket) => void) | undefined;
  const sockets = new Set<Socket>();

  const server: Server = createServer((client) => {
    counts.connections += 1;
    const upstream = connect(targetPort, target.hostname);
    sockets.add(client);
    sockets.add(upstream);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    let startupDone = false;
    /** True once the server has spoken since the client last did: the client's next bytes start a round trip. */
    let serverSpoke = false;
    let pending: Buffer = Buffer.alloc(0);

    const readFrontend = (chunk: Buffer) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      for (;;) {
        if (!startupDone) {
          // The startup packet (and an SSLRequest before it) has no type byte: length, then payload.
          if (pending.length < 8) return;
          const length = pending.readInt32BE(0);
          if (pending.length < length) return;
          const code = pending.readInt32BE(4);
          pending = pending.subarray(length);
          // 80877103 is SSLRequest, 80877104 GSSENCRequest: a startup packet still follows.
          if (code !== 80877103 && code !== 80877104) startupDone = true;
          continue;
        }
        if (pending.length < 5) return;
        const length = pending.readInt32BE(1);
        if (pending.length < 1 + length) return;
        const type = String.fromCharCode(pending[0] ?? 0);
        if (type === "S") counts.syncs += 1;
        else if (type === "E") counts.executes += 1;
        else if (type === "Q") {
          counts.queries += 1;
          statements.push(cString(pending, 5));
        } else if (type === "P") {
          counts.parses += 1;
          // Parse: type, length, the statement's name, then its text, each a C string ("" names the
          // unnamed statement).
          if (pending[5] !== 0) counts.namedParses += 1;
          const nameEnd = pending.indexOf(0, 5);
          statements.push(cString(pending, nameEnd + 1));
        }
        pending = pending.subarray(1 + length);
        listener?.(type, client);
      }
    };

    client.on("data", (chunk: Buffer) => {
      // The first bytes of a connection are its startup packet: counted as a connection, not a round trip.
      if (startupDone && serverSpoke) counts.roundTrips += 1;
      serverSpoke = false;
      readFrontend(chunk);
      // A listener that cut the connection stops this chunk too: the server never sees it.
      if (!client.destroyed) upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => {
      serverSpoke = true;
      client.write(chunk);
    });
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", closeBoth);
    upstream.on("close", closeBoth);
    client.on("error", closeBoth);
    upstream.on("error", closeBoth);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the proxy has no port");
  const url = new URL(targetUrl);
  url.hostname = "127.0.0.1";
  url.port = String(address.port);

  return {
    url: url.toString(),
    counts: () => ({ ...counts }),
    statements: () => [...statements],
    reset: () => {
      counts = zero();
      statements = [];
    },
    cutAll: () => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    onMessage: (next) => {
      listener = next;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
