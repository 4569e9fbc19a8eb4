import {
  create,
  createRegistry,
  type DescMessage,
  type JsonObject,
  type JsonValue,
  toJson,
} from "@bufbuild/protobuf";
import { AnySchema, anyPack } from "@bufbuild/protobuf/wkt";
import type { ConnectError } from "@connectrpc/connect";
import { ErrorDetailSchema } from "@zitadel/proto/zitadel/message_pb.js";

const detailRegistry = createRegistry(ErrorDetailSchema);

/** Each outgoing detail as the gateway writes a `google.protobuf.Any`: `{"@type": ..., ...fields}`. */
function detailsJson(error: ConnectError): JsonValue[] {
  const json: JsonValue[] = [];
  for (const detail of error.details) {
    if (!("desc" in detail)) continue;
    const desc: DescMessage = detail.desc;
    const any = anyPack(desc, create(desc, detail.value));
    json.push(toJson(AnySchema, any, { registry: detailRegistry }));
  }
  return json;
}

/** The gateway's error body, `google.rpc.Status` as JSON; an empty detail list is left out. */
export function gatewayErrorBody(error: ConnectError): JsonObject {
  const details = detailsJson(error);
  return {
    code: error.code,
    message: error.rawMessage,
    ...(details.length > 0 ? { details } : {}),
  };
}
