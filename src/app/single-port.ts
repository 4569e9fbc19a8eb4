import type { Server } from "node:http";
import http2 from "node:http2";
import type { Socket } from "node:net";

/** The first bytes of every HTTP/2 connection with prior knowledge (RFC 9113, 3.4): `PRI * HTTP/2.0`. */
const H2_PREFACE = Buffer.from("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "latin1");

/** How long a new connection may stay silent before its first bytes tell HTTP/1.1 from HTTP/2. */
const SNIFF_TIMEOUT_MS = 10_000;

export interface SinglePort {
  /** Closes the HTTP/2 sessions still open, so that the main server can stop. */
  closeSessions(): void;
}

/**
 * HTTP/1.1 and HTTP/2 cleartext (prior knowledge) on one port, as ZITADEL serves every protocol on
 * its one port: each new connection's first bytes are read; one that opens with HTTP/2's preface is
 * handed to an HTTP/2 server answering with `handler`, any other to the HTTP/1.1 server as before.
 * The bytes read are put back, so each server parses the connection from its start.
 */
export function serveH2cAlongside(
  server: Server,
  handler: (request: http2.Http2ServerRequest, response: http2.Http2ServerResponse) => void,
): SinglePort {
  const h2 = http2.createServer(handler);
  const sessions = new Set<http2.ServerHttp2Session>();
  h2.on("session", (session) => {
    sessions.add(session);
    session.once("close", () => sessions.delete(session));
  });
  const http1 = server.listeners("connection") as ((socket: Socket) => void)[];
  server.removeAllListeners("connection");

  // Connections that have sent nothing yet belong to neither server, so neither closes them at stop.
  const undecided = new Set<Socket>();

  server.on("connection", (socket: Socket) => {
    let seen = Buffer.alloc(0);
    undecided.add(socket);
    // A connection that says nothing is closed, as the HTTP/1.1 server's own timeouts would.
    const silent = setTimeout(() => socket.destroy(), SNIFF_TIMEOUT_MS);
    silent.unref();
    socket.once("close", () => {
      clearTimeout(silent);
      undecided.delete(socket);
    });
    const decide = () => {
      clearTimeout(silent);
      undecided.delete(socket);
      socket.off("data", onData);
      socket.off("end", decide);
      socket.pause();
      if (seen.byteLength > 0) socket.unshift(seen);
      const isH2 = seen.byteLength >= 3 && seen.subarray(0, 3).equals(H2_PREFACE.subarray(0, 3));
      if (isH2) {
        // The HTTP/2 session reads the socket itself, starting with the bytes put back.
        h2.emit("connection", socket);
        return;
      }
      for (const listener of http1) listener.call(server, socket);
      socket.resume();
    };
    const onData = (chunk: Buffer) => {
      seen = Buffer.concat([seen, chunk]);
      // `PRI` is the preface's method, which no HTTP/1.1 request uses; three bytes tell them apart.
      const prefix = H2_PREFACE.subarray(0, Math.min(seen.byteLength, H2_PREFACE.byteLength));
      if (seen.byteLength >= 3 || !seen.subarray(0, prefix.byteLength).equals(prefix)) decide();
    };
    socket.on("data", onData);
    socket.once("end", decide);
  });

  return {
    closeSessions() {
      for (const session of sessions) session.close();
      for (const socket of undecided) socket.destroy();
    },
  };
}
