import type { Selectable } from "kysely";

type Millis = number;

/** A named set of verification settings inside a tenant (migration 018, docs/twilio-verify.md, "Services"). */
export interface VerifyServiceTable {
  tenant_id: string;
  id: string;
  friendly_name: string;
  /** JSON: the service's settings (src/domain/verify-service.ts). */
  settings: string;
  created_at: Millis;
  updated_at: Millis;
}

export type VerifyServiceRow = Selectable<VerifyServiceTable>;
