/**
 * The SMS-pumping attack of issue 13, as an attacker would run it, against any deployment (one
 * process on SQLite, two processes on one PostgreSQL): each scenario fires its requests a batch at a
 * time, spread over the deployment's processes, and reports what it tried and what was actually sent.
 */

export interface Answer {
  status: number;
  // Test code reads any JSON answer.
  // biome-ignore lint/suspicious/noExplicitAny: an HTTP answer's body, read as the test needs it.
  body: any;
  retryAfter: string | undefined;
}

export interface RequestOptions {
  secret: string;
  body?: unknown;
  /** The socket's address, where the deployment can set it (in-process requests). */
  socketIp?: string;
  headers?: Record<string, string>;
}

export interface PumpingDeployment {
  /** `process` picks one of the deployment's processes (modulo their number). */
  request(process: number, method: string, path: string, options: RequestOptions): Promise<Answer>;
  tokenFor(tenantId: string, userId: string): Promise<string>;
  adminKeyFor(tenantId: string): Promise<string>;
  /** SMS queued (and so paid for) to any of these numbers. */
  smsQueuedTo(numbers: readonly string[]): Promise<number>;
}

export interface PumpingFigures {
  attempts: number;
  /** Requests that queued an SMS (202 from a send). */
  accepted: number;
  /** SMS actually in the outbox for the numbers tried. */
  sent: number;
  /** Refusals by the budget (or guard) that refused them. */
  refusedBy: Record<string, number>;
  /** Every refusal carried Retry-After. */
  refusalsWithRetryAfter: number;
}

/** Requests in flight at once: concurrent, as a script would fire them, yet bounded. */
const BATCH = 10;

async function inBatches(count: number, run: (i: number) => Promise<void>): Promise<void> {
  for (let start = 0; start < count; start += BATCH) {
    await Promise.all(Array.from({ length: Math.min(BATCH, count - start) }, (_, k) => run(start + k)));
  }
}

function figures(attempts: number): PumpingFigures {
  return { attempts, accepted: 0, sent: 0, refusedBy: {}, refusalsWithRetryAfter: 0 };
}

function countRefusal(into: PumpingFigures, answer: Answer): void {
  const error = answer.body?.error;
  const name = error?.details?.limit ?? error?.code ?? String(answer.status);
  into.refusedBy[name] = (into.refusedBy[name] ?? 0) + 1;
  if (answer.status === 429 && answer.retryAfter !== undefined) into.refusalsWithRetryAfter += 1;
}

/** `+33 6 12 34 0xxx`: one French mobile range of 1,000 consecutive numbers. */
export function sequentialNumber(i: number): string {
  return `+33612340${String(i).padStart(3, "0")}`;
}

/** French mobiles each in a range of its own (`+33 6 2s ii i123`), so no range budget binds; `salt` 0-9. */
export function spreadNumber(i: number, salt: number): string {
  return `+3362${salt}${String(i).padStart(3, "0")}123`;
}

/** Adds a number to a user and sends it a code, over the native API. */
async function addAndSend(
  d: PumpingDeployment,
  i: number,
  path: { add: string; send: (id: string) => string },
  options: RequestOptions,
  out: PumpingFigures,
): Promise<void> {
  const added = await d.request(i, "POST", path.add, options);
  if (added.status !== 201) return countRefusal(out, added);
  const sent = await d.request(i + 1, "POST", path.send(added.body.id), { ...options, body: undefined });
  if (sent.status === 202) out.accepted += 1;
  else countRefusal(out, sent);
}

/** One user token adds 200 sequential numbers in one mobile range and asks a code for each. */
export async function oneUserTokenManyNumbers(
  d: PumpingDeployment,
  tenantId: string,
): Promise<PumpingFigures> {
  const secret = await d.tokenFor(tenantId, "pumper");
  const numbers = Array.from({ length: 200 }, (_, i) => sequentialNumber(i));
  const out = figures(numbers.length);
  await inBatches(numbers.length, (i) =>
    addAndSend(
      d,
      i,
      { add: "/v1/me/phone-numbers", send: (id) => `/v1/me/phone-numbers/${id}/send-code` },
      { secret, body: { phone_number: numbers[i] }, socketIp: "198.51.100.1" },
      out,
    ),
  );
  out.sent = await d.smsQueuedTo(numbers);
  return out;
}

/** The same through Linode's one call (`POST /profile/phone-number` adds the number and sends the code). */
export async function linodeOneCallEach(d: PumpingDeployment, tenantId: string): Promise<PumpingFigures> {
  const secret = await d.tokenFor(tenantId, "linode-pumper");
  const numbers = Array.from({ length: 30 }, (_, i) => sequentialNumber(500 + i));
  const out = figures(numbers.length);
  // One after the other: Linode's profile holds one number, each call replaces it.
  for (const [i, number] of numbers.entries()) {
    const answer = await d.request(i, "POST", "/linode/v4/profile/phone-number", {
      secret,
      body: { iso_code: "FR", phone_number: number.replace("+33", "0") },
      socketIp: "198.51.100.2",
    });
    if (answer.status === 200) out.accepted += 1;
    else {
      out.refusedBy[answer.status === 429 ? "429" : String(answer.status)] =
        (out.refusedBy[answer.status === 429 ? "429" : String(answer.status)] ?? 0) + 1;
      if (answer.status === 429 && answer.retryAfter !== undefined) out.refusalsWithRetryAfter += 1;
    }
  }
  out.sent = await d.smsQueuedTo(numbers);
  return out;
}

/** Sixty user tokens from one address, one number each, every number in a range of its own. */
export async function oneAddressManyUsers(d: PumpingDeployment, tenantId: string): Promise<PumpingFigures> {
  const numbers = Array.from({ length: 60 }, (_, i) => spreadNumber(i, 1));
  const secrets = await Promise.all(numbers.map((_, i) => d.tokenFor(tenantId, `from-one-ip-${i}`)));
  const out = figures(numbers.length);
  await inBatches(numbers.length, (i) =>
    addAndSend(
      d,
      i,
      { add: "/v1/me/phone-numbers", send: (id) => `/v1/me/phone-numbers/${id}/send-code` },
      { secret: secrets[i] ?? "", body: { phone_number: numbers[i] }, socketIp: "198.51.100.3" },
      out,
    ),
  );
  out.sent = await d.smsQueuedTo(numbers);
  return out;
}

/**
 * A backend with an admin key, passing each end user's address (all different, as a botnet's are):
 * `users` users, one number each, in one range (`oneRange`) or each in its own.
 */
export async function backendManyAddresses(
  d: PumpingDeployment,
  tenantId: string,
  users: number,
  oneRange: boolean,
): Promise<PumpingFigures> {
  const secret = await d.adminKeyFor(tenantId);
  const numbers = Array.from({ length: users }, (_, i) =>
    oneRange ? sequentialNumber(700 + (i % 300)) : spreadNumber(i, 2),
  );
  const out = figures(numbers.length);
  await inBatches(numbers.length, async (i) => {
    const headers = { "handset-client-ip": `203.0.${Math.floor(i / 250)}.${(i % 250) + 1}` };
    const userId = `bot-${i}`;
    const created = await d.request(i, "POST", "/v1/users", { secret, body: { id: userId }, headers });
    if (created.status !== 201) throw new Error(`creating ${userId}: ${created.status}`);
    await addAndSend(
      d,
      i,
      { add: "/v1/phone-numbers", send: (id) => `/v1/phone-numbers/${id}/send-code` },
      { secret, body: { user_id: userId, phone_number: numbers[i] }, headers },
      out,
    );
  });
  out.sent = await d.smsQueuedTo(numbers);
  return out;
}

export function describeFigures(what: string, f: PumpingFigures): string {
  const refused = Object.entries(f.refusedBy)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  return `[pumping] ${what}: ${f.attempts} tried, ${f.sent} SMS sent; refused: ${refused || "none"}`;
}
