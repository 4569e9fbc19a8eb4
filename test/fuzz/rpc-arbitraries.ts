import { gzipSync } from "node:zlib";
import {
  create,
  type DescField,
  type DescMessage,
  type DescMethodUnary,
  fromJson,
  type JsonObject,
  ScalarType,
  toBinary,
  toJson,
} from "@bufbuild/protobuf";
import fc from "fast-check";
import { frame } from "../support/raw-rpc.js";
import { oddValue } from "./http-arbitraries.js";

/** `oddValue` without its values over the body limit (see `ODD_TEXT`). */
const oddField = oddValue.filter((value) => typeof value !== "string" || value.length < 10_000);

/** How deep a random message nests messages in its fields before it stops. */
const MAX_DEPTH = 2;

/**
 * Strings that have broken parsers elsewhere. None is larger than the body limit (16 KiB): a gRPC call
 * over it leaves its stream open until the server's stop cuts it after a grace period, which
 * test/zitadel/grpc-shutdown.test.ts covers (`oddValue` covers the limit over HTTP).
 */
const ODD_TEXT = ["", "\u0000", "\ud800", "x".repeat(10_000), "+", "+999999999999999999999999", "١٢٣", "🇫🇷"];

function scalarValue(type: ScalarType): fc.Arbitrary<unknown> {
  switch (type) {
    case ScalarType.STRING:
      return fc.oneof(fc.string({ unit: "grapheme", maxLength: 30 }), fc.constantFrom(...ODD_TEXT));
    case ScalarType.BYTES:
      return fc.uint8Array({ maxLength: 40 });
    case ScalarType.BOOL:
      return fc.boolean();
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      return fc.double();
    case ScalarType.INT64:
    case ScalarType.SINT64:
    case ScalarType.SFIXED64:
      return fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
    case ScalarType.UINT32:
    case ScalarType.FIXED32:
      return fc.integer({ min: 0, max: 2 ** 32 - 1 });
    default:
      return fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
  }
}

function fieldValue(field: DescField, depth: number): fc.Arbitrary<unknown> | undefined {
  switch (field.fieldKind) {
    case "scalar":
      return scalarValue(field.scalar);
    case "enum":
      // Values the enum has, and values it does not (proto3 enums are open).
      return fc.oneof(
        fc.constantFrom(...field.enum.values.map((v) => v.number)),
        fc.integer({ min: -3, max: 99 }),
      );
    case "message":
      return depth < MAX_DEPTH ? messageInit(field.message, depth + 1) : undefined;
    case "list": {
      const item =
        field.listKind === "scalar"
          ? scalarValue(field.scalar)
          : field.listKind === "enum"
            ? fc.integer({ min: -3, max: 99 })
            : depth < MAX_DEPTH
              ? messageInit(field.message, depth + 1)
              : undefined;
      return item && fc.array(item, { maxLength: 3 });
    }
    default:
      // Maps: none of the phone RPCs has one.
      return undefined;
  }
}

/** The init of a message of `desc` with random fields: some set, each within its type's whole range. */
function messageInit(desc: DescMessage, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const members: Record<string, fc.Arbitrary<unknown>> = {};
  for (const member of desc.members) {
    if (member.kind === "oneof") {
      const cases = member.fields.flatMap((field) => {
        const value = fieldValue(field, depth);
        return value ? [value.map((v) => ({ case: field.localName, value: v }))] : [];
      });
      if (cases.length > 0) members[member.localName] = fc.oneof(...cases);
      continue;
    }
    const value = fieldValue(member, depth);
    if (value) members[member.localName] = value;
  }
  return fc.record(members, { requiredKeys: [] });
}

/** A random message of the method's input, valid on the wire, as bytes. */
export function randomMessage(method: DescMethodUnary): fc.Arbitrary<Uint8Array> {
  return messageInit(method.input).map((init) => {
    try {
      return toBinary(method.input, create(method.input, init));
    } catch {
      return new Uint8Array(0);
    }
  });
}

/** The sample as bytes: a well-formed request the method accepts. */
export function sampleBytes(method: DescMethodUnary, sample: JsonObject): Uint8Array {
  return toBinary(method.input, fromJson(method.input, sample));
}

/** Bytes close to a message: cut, with bytes changed, inserted or appended. */
function mutated(bytes: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> {
  return bytes.chain((base) =>
    fc.oneof(
      fc.nat({ max: base.byteLength }).map((at) => base.slice(0, at)),
      fc
        .tuple(fc.nat({ max: Math.max(0, base.byteLength - 1) }), fc.integer({ min: 0, max: 255 }))
        .map(([at, byte]) => {
          const copy = base.slice();
          if (copy.byteLength > 0) copy[at] = byte;
          return copy;
        }),
      fc
        .tuple(fc.nat({ max: base.byteLength }), fc.uint8Array({ minLength: 1, maxLength: 8 }))
        .map(([at, extra]) => new Uint8Array([...base.slice(0, at), ...extra, ...base.slice(at)])),
      fc.uint8Array({ minLength: 1, maxLength: 16 }).map((extra) => new Uint8Array([...base, ...extra])),
    ),
  );
}

/** A request message's bytes: well-formed, random, nearly well-formed, or noise. */
export function messageBytes(method: DescMethodUnary, sample: JsonObject): fc.Arbitrary<Uint8Array> {
  const valid = fc.constant(sampleBytes(method, sample));
  const random = randomMessage(method);
  return fc.oneof(
    { arbitrary: valid, weight: 1 },
    { arbitrary: random, weight: 3 },
    { arbitrary: mutated(fc.oneof(valid, random)), weight: 4 },
    { arbitrary: fc.uint8Array({ maxLength: 64 }), weight: 2 },
  );
}

/** A Connect JSON body: a random message's JSON, the sample with fields of any JSON value, or not JSON. */
export function messageJson(method: DescMethodUnary, sample: JsonObject): fc.Arbitrary<string> {
  const random = messageInit(method.input).map((init) => {
    try {
      return JSON.stringify(toJson(method.input, create(method.input, init)));
    } catch {
      return "{}";
    }
  });
  const names = [...Object.keys(sample), ...method.input.fields.map((field) => field.jsonName)];
  const changed = fc
    .dictionary(fc.constantFrom(...names, "x"), oddField, { maxKeys: 3 })
    .map((fields) => JSON.stringify({ ...sample, ...fields }));
  return fc.oneof(
    { arbitrary: random, weight: 3 },
    { arbitrary: changed, weight: 4 },
    { arbitrary: fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)), weight: 1 },
    { arbitrary: fc.constantFrom("", "{", "nul", '{"phone":', "\u0000", "[]"), weight: 1 },
  );
}

/** A body compressed or not, and the encoding header that says so (or, wrongly, does not). */
export interface Encoded {
  bytes: Uint8Array;
  encoding: string | undefined;
}

/** The message as it goes on the wire: plain, gzipped (whole or cut short), or named gzip but not. */
export function encoded(bytes: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Encoded> {
  return bytes.chain((plain) =>
    fc.oneof(
      { arbitrary: fc.constant({ bytes: plain, encoding: undefined }), weight: 6 },
      { arbitrary: fc.constant({ bytes: new Uint8Array(gzipSync(plain)), encoding: "gzip" }), weight: 1 },
      {
        arbitrary: fc
          .nat({ max: 30 })
          .map((at) => ({ bytes: new Uint8Array(gzipSync(plain)).slice(0, at), encoding: "gzip" })),
        weight: 1,
      },
      {
        arbitrary: fc.constantFrom({ bytes: plain, encoding: "gzip" }, { bytes: plain, encoding: "br" }),
        weight: 1,
      },
    ),
  );
}

/** gRPC and gRPC-Web framing of a message: right, or with a wrong flag, length, count or tail. */
export function framed(message: fc.Arbitrary<Encoded>): fc.Arbitrary<Encoded> {
  return message.chain(({ bytes, encoding }) => {
    const compressed = encoding === undefined ? 0 : 1;
    return fc
      .oneof(
        { arbitrary: fc.constant(frame(bytes, compressed)), weight: 6 },
        {
          arbitrary: fc.constantFrom(0, 1, 0x80, 0x81, 0x02, 0xff).map((flags) => frame(bytes, flags)),
          weight: 1,
        },
        {
          arbitrary: fc
            .integer({ min: -5, max: 5 })
            .map((delta) => frame(bytes, compressed, Math.max(0, bytes.byteLength + delta))),
          weight: 1,
        },
        {
          arbitrary: fc.constant(new Uint8Array([...frame(bytes, compressed), ...frame(bytes, compressed)])),
          weight: 1,
        },
        {
          arbitrary: fc
            .uint8Array({ minLength: 1, maxLength: 6 })
            .map((tail) => new Uint8Array([...frame(bytes, compressed), ...tail])),
          weight: 1,
        },
        { arbitrary: fc.constant(new Uint8Array(0)), weight: 1 },
      )
      .map((body) => ({ bytes: body, encoding }));
  });
}
