import { writeFileSync } from "node:fs";
import { createConnectRouter } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { bindingOf } from "../../src/surfaces/zitadel/rest-gateway.js";
import { ZITADEL_ROUTES } from "../../src/surfaces/zitadel/route-table.js";
import { connectRoutes, zitadelMethods } from "../../src/surfaces/zitadel/routes.js";

const TABLE_FILE = new URL("../../src/surfaces/zitadel/route-table.ts", import.meta.url);

/** The route table as the descriptors give it: what `route-table.ts` must say. */
function fromDescriptors() {
  const router = createConnectRouter();
  connectRoutes(new Map(), { now: () => 0 }, async () => {})(router);
  const connect = router.handlers.map((h) => [[...h.allowedMethods], h.requestPath] as const);
  const gateway = zitadelMethods().flatMap((method) => {
    const binding = bindingOf(method);
    return binding ? [[binding.verb, binding.url] as const] : [];
  });
  return { connect, gateway };
}

describe("ZITADEL's route table", () => {
  // The surface registers its routes from this table without loading the protobufs; a new version of
  // @zitadel/proto changes it: `HANDSET_UPDATE_ZITADEL_ROUTES=1 npx vitest run test/zitadel/route-table`.
  it("is the one the descriptors give", () => {
    const table = fromDescriptors();
    if (process.env.HANDSET_UPDATE_ZITADEL_ROUTES === "1") {
      writeFileSync(
        TABLE_FILE,
        [
          "// Generated from @zitadel/proto's descriptors by test/zitadel/route-table.test.ts, which checks it.",
          "// The surface registers its routes from it without loading the protobufs.",
          "",
          "/**",
          " * ZITADEL's routes under the surface's mount: Connect and gRPC-Web (the HTTP methods and the RPC",
          " * path of each unary method), and the REST gateway (the verb and URL of each bound method).",
          " */",
          `export const ZITADEL_ROUTES = ${JSON.stringify(table)} as const;`,
          "",
        ].join("\n"),
      );
    }
    expect(JSON.parse(JSON.stringify(ZITADEL_ROUTES))).toEqual(JSON.parse(JSON.stringify(table)));
  });
});
