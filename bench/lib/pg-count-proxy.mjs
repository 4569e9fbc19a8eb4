// A TCP proxy between Handset and PostgreSQL that counts what Handset asks of the database: it reads
// the frontend (client → server) side of the wire protocol and counts message types, passing every byte
// through unchanged. Run as its own process by bench/run.mjs:
//   PROXY_PORT      where Handset connects (127.0.0.1)
//   UPSTREAM_HOST, UPSTREAM_PORT   PostgreSQL
//   CONTROL_PORT    GET /counts answers {available, statements, roundTrips, syncs, queries, executes,
//                   parses, connections}; GET /healthz
// A round trip is what latency pays for: the client sending again after it heard from the server (so
// statements written to the socket together, pipelined, are one round trip; the connection's start-up
// exchange is not counted); a statement is an Execute ('E') or a simple Query ('Q').
import { createServer as createHttpServer } from "node:http";
import { connect, createServer } from "node:net";

const proxyPort = Number(process.env.PROXY_PORT);
const upstreamHost = process.env.UPSTREAM_HOST ?? "127.0.0.1";
const upstreamPort = Number(process.env.UPSTREAM_PORT ?? 5432);
const controlPort = Number(process.env.CONTROL_PORT);

const counts = { roundTrips: 0, syncs: 0, queries: 0, executes: 0, parses: 0, connections: 0 };
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const S = 0x53;
const Q = 0x51;
const E = 0x45;
const P = 0x50;

/** A parser of the frontend stream that never copies message bodies: it skips them. */
function frontendParser() {
  let startup = true; // the first messages have no type byte
  let header = Buffer.alloc(0); // the bytes of a header read so far
  let skip = 0; // body bytes still to pass over
  return (chunk) => {
    let offset = 0;
    while (offset < chunk.length) {
      if (skip > 0) {
        const n = Math.min(skip, chunk.length - offset);
        skip -= n;
        offset += n;
        continue;
      }
      const headerLength = startup ? 8 : 5;
      const take = Math.min(headerLength - header.length, chunk.length - offset);
      header = Buffer.concat([header, chunk.subarray(offset, offset + take)]);
      offset += take;
      if (header.length < headerLength) break;
      if (startup) {
        const length = header.readInt32BE(0);
        const code = header.readInt32BE(4);
        // After an SSL or GSS request the real startup message follows, still untyped.
        if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) startup = false;
        skip = length - 8;
      } else {
        const type = header[0];
        if (type === S) counts.syncs += 1;
        else if (type === Q) counts.queries += 1;
        else if (type === E) counts.executes += 1;
        else if (type === P) counts.parses += 1;
        skip = header.readInt32BE(1) - 4;
      }
      header = Buffer.alloc(0);
    }
  };
}

const proxy = createServer((client) => {
  counts.connections += 1;
  client.setNoDelay(true);
  const upstream = connect({ host: upstreamHost, port: upstreamPort });
  upstream.setNoDelay(true);
  const parse = frontendParser();
  // Until the first statement, the exchange is the connection's start-up (authentication, settings).
  let ready = false;
  let serverSpoke = false;
  upstream.on("data", () => {
    serverSpoke = true;
  });
  client.on("data", (chunk) => {
    const before = counts.executes + counts.queries;
    parse(chunk);
    if (ready ? serverSpoke : counts.executes + counts.queries > before) counts.roundTrips += 1;
    if (counts.executes + counts.queries > before) ready = true;
    serverSpoke = false;
    if (!upstream.write(chunk)) {
      client.pause();
      upstream.once("drain", () => client.resume());
    }
  });
  upstream.pipe(client);
  client.on("end", () => upstream.end());
  const close = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on("error", close);
  upstream.on("error", close);
  client.on("close", close);
  upstream.on("close", close);
});
proxy.listen(proxyPort, "127.0.0.1");

const control = createHttpServer((req, res) => {
  if (req.url === "/healthz") {
    res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
    return;
  }
  if (req.url !== "/counts") {
    res.writeHead(404).end();
    return;
  }
  const body = {
    available: true,
    statements: counts.executes + counts.queries,
    ...counts,
  };
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
});
control.listen(controlPort, "127.0.0.1");

function shutdown() {
  proxy.close();
  control.close(() => process.exit(0));
  control.closeAllConnections();
  setTimeout(() => process.exit(0), 500).unref();
}
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
