import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FUZZ_RUNS, FUZZ_SEED, type FuzzServer, FuzzTally, startFuzzServer } from "./fuzz-server.js";
import { requestTo } from "./http-arbitraries.js";
import { httpOperations, type Operation, type RawRequest, send } from "./http-operations.js";

const SURFACES = ["native", "linode", "clerk", "zitadel-rest", "twilio-verify"] as const;

/**
 * The HTTP surfaces fuzzed with requests derived from their operations (the OpenAPI document for the
 * native API, the route table and well-formed samples for the others): path parameters, query strings,
 * bodies and content types of every kind, on a real server with valid credentials. Bad input is the
 * caller's fault: no request may be answered with a 5xx. Prints, per surface, the requests sent and
 * the 5xx answers; a failure lists each 5xx request so that it can be replayed.
 */
describe("fuzzing the HTTP surfaces", () => {
  let server: FuzzServer;
  let operations: Operation[];
  const tally = new FuzzTally();
  beforeAll(async () => {
    server = await startFuzzServer();
    operations = await httpOperations(server);
  });
  afterAll(async () => {
    for (const line of tally.lines()) console.log(line);
    await server?.close();
  });

  for (const surface of SURFACES) {
    it(`answers no request to ${surface} with a 5xx`, async () => {
      const mine = operations.filter((operation) => operation.surface === surface);
      expect(mine.length).toBeGreaterThan(0);
      const arbitrary = fc.oneof(
        ...mine.map((operation) =>
          requestTo(operation, server.ids).map((request) => ({ operation, request })),
        ),
      );
      const failures: { request: RawRequest; status: number; body: string }[] = [];
      await fc.assert(
        fc.asyncProperty(arbitrary, async ({ operation, request }) => {
          const response = await send(server.url, request);
          const failed = response.status >= 500 && !(operation.unimplemented && response.status === 501);
          tally.record(surface, failed ? "failed" : response.status >= 400 ? "refused" : "ok");
          if (failed) failures.push({ request, status: response.status, body: response.body.slice(0, 300) });
        }),
        { seed: FUZZ_SEED, numRuns: FUZZ_RUNS, endOnFailure: true },
      );
      expect(
        failures.map((f) => ({ ...f, request: { ...f.request, body: f.request.body?.slice(0, 300) } })),
      ).toEqual([]);
    });
  }
});
