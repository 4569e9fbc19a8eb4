import type { Config } from "../config.js";
import type { Clock } from "../domain/clock.js";
import type { Authenticator } from "../http/authenticator.js";
import type { Handset } from "../services/handset.js";

/** What every surface plugin is given: the use cases, the credential check, the clock, the settings. */
export interface SurfaceDeps {
  handset: Handset;
  authenticator: Authenticator;
  clock: Clock;
  config: Config;
  /** Counts each call on ZITADEL's gRPC port by method and status code (the metrics); none where absent. */
  grpcCalls?: (method: string, code: string) => void;
}
