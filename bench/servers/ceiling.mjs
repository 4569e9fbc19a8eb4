// The no-op ceiling: bare Fastify (the framework Handset is built on) whose routes do nothing but answer.
// It serves the same paths, methods and bodies as Handset's verification flow, so the load generator
// does the same work per flow against it; what is left is the cost of HTTP and JSON in Node.
//   CEILING_PORT   port to listen on (127.0.0.1)
import Fastify from "fastify";

const port = Number(process.env.CEILING_PORT ?? 4030);
const app = Fastify({ logger: false });

let sequence = 0;

app.get("/healthz", async () => ({ status: "ok" }));
app.post("/v1/phone-numbers", async (_request, reply) => {
  sequence += 1;
  return reply.code(201).send({ id: `pn_${sequence}` });
});
app.post("/v1/phone-numbers/:id/send-code", async (_request, reply) =>
  reply.code(202).send({ verification: { id: `ver_${sequence}` }, delivery: "sms" }),
);
app.get("/dev/inbox", async () => ({ data: [{ code: "000000" }] }));
app.post("/v1/phone-numbers/:id/verify", async () => ({ verification: { status: "verified" } }));

async function shutdown() {
  await app.close();
  process.exit(0);
}
process.once("SIGINT", () => void shutdown());
process.once("SIGTERM", () => void shutdown());

await app.listen({ host: "127.0.0.1", port });
