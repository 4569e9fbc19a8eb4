import { create } from "@bufbuild/protobuf";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import { type Details, DetailsSchema } from "@zitadel/proto/zitadel/object/v2/object_pb.js";
import { type ObjectDetails, ObjectDetailsSchema } from "@zitadel/proto/zitadel/object_pb.js";
import type { Change, UserView } from "../../services/views.js";

/**
 * ZITADEL's `details`: the user's event sequence, when it changed, and the resource owner (the
 * tenant). Mutations carry no creation date, as in ZITADEL; a read of the user does.
 */
export function v1ChangeDetails(change: Change): ObjectDetails {
  return create(ObjectDetailsSchema, {
    sequence: BigInt(change.sequence),
    changeDate: timestampFromMs(change.at),
    resourceOwner: change.tenantId,
  });
}

export function v1UserDetails(user: UserView): ObjectDetails {
  return create(ObjectDetailsSchema, {
    sequence: BigInt(user.sequence),
    creationDate: timestampFromMs(user.createdAt),
    changeDate: timestampFromMs(user.updatedAt),
    resourceOwner: user.tenantId,
  });
}

export function v2ChangeDetails(change: Change): Details {
  return create(DetailsSchema, {
    sequence: BigInt(change.sequence),
    changeDate: timestampFromMs(change.at),
    resourceOwner: change.tenantId,
  });
}
