import type { AddressInfo } from "node:net";
import type { Scope } from "../../src/domain/scopes.js";
import { createTestApp, type TestApp } from "../support/harness.js";
import { pointLinodeClientAt, useToken } from "./linode-client.js";

/** A Handset on a real 127.0.0.1 port, with `@linode/api-v4` pointed at its Linode mount. */
export interface LinodeTestServer {
  t: TestApp;
  /** e.g. `http://127.0.0.1:41234` */
  origin: string;
  /** Makes `token` the client's bearer token until the next `as` or `close`. */
  as(token: string): void;
  /** A token of `userId` (Handset's default scopes unless given), set on the client. */
  signIn(userId: string, scopes?: Scope[]): Promise<string>;
  /** Delivers queued SMS and returns the newest code sent to `e164`. */
  latestCode(e164: string): Promise<string>;
  close(): Promise<void>;
}

export async function startLinodeServer(env: Record<string, string> = {}): Promise<LinodeTestServer> {
  const t = await createTestApp({ env, runDispatcher: false });
  await t.app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = t.app.server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const undoTarget = pointLinodeClientAt(`${origin}/linode`);
  let undoToken: (() => void) | undefined;
  const as = (token: string) => {
    undoToken?.();
    undoToken = useToken(token);
  };
  return {
    t,
    origin,
    as,
    async signIn(userId, scopes) {
      const token = await t.tokenFor(userId, scopes ? { scopes } : {});
      as(token);
      return token;
    },
    async latestCode(e164) {
      await t.dispatcher.runOnce();
      const [message] = t.inbox?.list({ to: e164 }) ?? [];
      if (!message) throw new Error(`no SMS was delivered to ${e164}`);
      return message.code;
    },
    async close() {
      undoToken?.();
      undoTarget();
      await t.close();
    },
  };
}

/** A code of the right length that is not `code`. */
export function wrongCode(code: string): string {
  return code === "000000" ? "111111" : "000000";
}
