import fc from "fast-check";
import type { ProbeIds } from "../security/route-table.js";
import type { FieldSchema, Operation, RawRequest } from "./http-operations.js";

/** Strings that have broken parsers elsewhere: empty, NUL, a lone surrogate, huge, digits of other scripts. */
const ODD_STRINGS = [
  "",
  " ",
  "\u0000",
  "\ud800",
  "\ufeff+33612345678",
  "x".repeat(70_000),
  "+",
  "+1",
  "+999999999999999999999999",
  "0".repeat(300),
  "+٣٣٦١٢٣٤٥٦٧٨",
  "../../etc/passwd",
  "' OR 1=1 --",
  "<script>",
  "%00",
  "ŝ́🇫🇷",
  "1e999",
  "-0",
  "NaN",
  "true",
  "null",
  "{}",
];

/** Numbers at and past every range a schema or a database column has. */
const ODD_NUMBERS = [-1, 0, 0.5, -0.0001, 2 ** 31, 2 ** 32 + 1, 2 ** 53 + 1, 1e21, 1e308, -1e308, 5e-324];

/** Any JSON value, weighted to the ones that break handlers: wrong types, extremes, odd strings. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(...ODD_NUMBERS),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(...ODD_STRINGS),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

/** `encodeURIComponent`, which throws on a lone surrogate: sent as its (invalid) UTF-8 bytes instead. */
export function uriEscape(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return "%ED%A0%80";
  }
}

/** A value of the field's own type, in and out of its range. */
function typedValue(schema: FieldSchema): fc.Arbitrary<unknown> {
  switch (schema.type) {
    case "boolean":
      return fc.boolean();
    case "integer":
    case "number":
      return fc.oneof(
        fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 }),
        fc.constantFrom(...ODD_NUMBERS),
      );
    default:
      return fc.oneof(
        fc.string({ maxLength: schema.maxLength ?? 64 }),
        fc.string({ minLength: (schema.maxLength ?? 64) + 1, maxLength: (schema.maxLength ?? 64) + 3 }),
        fc.constantFrom(...ODD_STRINGS),
      );
  }
}

/** The body as sent: JSON text, or text that is not JSON, or none. */
function bodyText(operation: Operation): fc.Arbitrary<string | undefined> {
  const names = Object.keys(operation.fields);
  const fieldValue = (name: string) =>
    fc.oneof(
      { arbitrary: typedValue(operation.fields[name] ?? {}), weight: 2 },
      { arbitrary: oddValue, weight: 1 },
    );
  // The sample with some fields changed, dropped or added: closest to what the handler accepts.
  const mutated = fc
    .record({
      changed: fc.subarray(names),
      dropped: fc.subarray(names, { maxLength: Math.min(1, names.length) }),
      extra: fc.dictionary(fc.string({ maxLength: 12 }), oddValue, { maxKeys: 2 }),
    })
    .chain(({ changed, dropped, extra }) =>
      fc
        .tuple(...changed.map((name) => fieldValue(name).map((value) => [name, value] as const)))
        .map((pairs) => {
          const body: Record<string, unknown> = { ...operation.sample, ...Object.fromEntries(pairs) };
          for (const name of dropped) delete body[name];
          return { ...body, ...extra };
        }),
    );
  // Every documented field present or not, each of its type or not.
  const fromSchema = fc.record(Object.fromEntries(names.map((name) => [name, fieldValue(name)])), {
    requiredKeys: [],
  });
  return fc.oneof(
    { arbitrary: mutated.map((body) => JSON.stringify(body)), weight: 5 },
    { arbitrary: fromSchema.map((body) => JSON.stringify(body)), weight: 3 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        undefined,
        "",
        "{",
        "}",
        "[",
        "nul",
        '{"a":',
        "\u0000",
        '{"__proto__":{"x":1}}',
        "1".repeat(400),
      ),
      weight: 1,
    },
  );
}

/** A path segment: a real id, or text a client should never send there, escaped or raw. */
function segment(name: string, ids: ProbeIds, method: string): fc.Arbitrary<string> {
  const valid =
    method === "DELETE" && name === "user_id"
      ? // Deleting the fuzzed user would leave every later request nothing to find.
        "fuzz-victim"
      : name === "user_id"
        ? ids.userId
        : name === "phone_number_id"
          ? ids.phoneNumberId
          : name === "service_sid"
            ? (ids.serviceSid ?? "x1")
            : "x1";
  return fc.oneof(
    { arbitrary: fc.constant(valid), weight: 4 },
    { arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }).map(uriEscape), weight: 2 },
    {
      arbitrary: fc.constantFrom(
        "%",
        "%zz",
        "%00",
        "%2F",
        "..",
        "%2e%2e",
        "%C0%AF",
        "%ED%A0%80",
        "%FF",
        "a".repeat(5000),
        "-1",
        "0",
        "1e999",
        "null",
        `${valid}%20`,
        `${valid}.json`,
      ),
      weight: 2,
    },
  );
}

/** A query string: the operation's parameters and others, with values of every kind, some unescaped. */
function queryString(operation: Operation): fc.Arbitrary<string> {
  const names = [...Object.keys(operation.query), "limit", "after", "page", "page_size", "cursor", "x"];
  const value = (name: string) =>
    fc.oneof(
      typedValue(operation.query[name] ?? {}).map((v) => uriEscape(String(v))),
      fc.constantFrom(
        "",
        "%",
        "%zz",
        "-1",
        "0",
        "1.5",
        "1e999",
        "99999999999999999999",
        "[]",
        "%00",
        "a".repeat(3000),
      ),
    );
  const pair = fc.constantFrom(...names).chain((name) => value(name).map((v) => `${name}=${v}`));
  return fc.oneof(
    { arbitrary: fc.constant(""), weight: 3 },
    {
      arbitrary: fc.array(pair, { minLength: 1, maxLength: 4 }).map((pairs) => `?${pairs.join("&")}`),
      weight: 4,
    },
    {
      arbitrary: fc.constantFrom("?", "?&&", "?=", "?limit", "?limit[]=1", "?%", "?limit=1&limit=2"),
      weight: 1,
    },
  );
}

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=latin1",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "application/json, text/plain",
  "*/*",
  "",
] as const;

/**
 * `Idempotency-Key` values for the native API's POSTs: fresh UUIDs, a few keys reused across requests
 * (replays and 422s), and malformed ones (empty, too long, Latin-1, control characters Node sends).
 */
const IDEMPOTENCY_KEYS = fc.oneof(
  fc.uuid(),
  fc.constantFrom("fuzz-key-1", "fuzz-key-2"),
  fc.constantFrom("", " ", "x".repeat(256), "caf\u00e9", "a\tb"),
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)),
    maxLength: 300,
  }),
);

/** One request to `operation`, mostly well-credentialed so that it reaches the handler. */
export function requestTo(operation: Operation, ids: ProbeIds): fc.Arbitrary<RawRequest> {
  const params = [...operation.url.matchAll(/:(\w+)/g)].map((match) => match[1] as string);
  const path = fc
    .tuple(...params.map((name) => segment(name, ids, operation.method)))
    .map((values) =>
      params.reduce((url, name, i) => url.replace(`:${name}`, values[i] ?? ""), operation.url),
    );
  const writes = operation.method !== "GET" && operation.method !== "HEAD";
  // Twilio's Basic credentials come whole; every other surface's secret goes after `Bearer`.
  const wellCredentialed = operation.credential.startsWith("Basic ")
    ? operation.credential
    : `Bearer ${operation.credential}`;
  return fc
    .record({
      path,
      query: queryString(operation),
      body: writes ? bodyText(operation) : fc.constant(undefined),
      contentType: fc.oneof(
        { arbitrary: fc.constant("application/json"), weight: 6 },
        { arbitrary: fc.constantFrom(...CONTENT_TYPES), weight: 1 },
      ),
      credential: fc.oneof(
        { arbitrary: fc.constant(wellCredentialed), weight: 8 },
        {
          arbitrary: fc.constantFrom(
            "",
            "Bearer",
            "Bearer x",
            `Basic ${operation.credential}`,
            "Bearer \u00ff",
          ),
          weight: 1,
        },
      ),
      idempotencyKey:
        operation.surface === "native" && operation.method === "POST"
          ? fc.option(IDEMPOTENCY_KEYS, { nil: undefined, freq: 2 })
          : fc.constant(undefined),
    })
    .map(({ path, query, body, contentType, credential, idempotencyKey }) => {
      const headers: Record<string, string> = {};
      if (credential !== "") headers.authorization = credential;
      if (idempotencyKey !== undefined) headers["idempotency-key"] = idempotencyKey;
      if (body !== undefined && contentType !== "") headers["content-type"] = contentType;
      return { method: operation.method, path: `${path}${query}`, headers, body };
    });
}
