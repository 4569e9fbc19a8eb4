import { create } from "@bufbuild/protobuf";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import { DetailsSchema } from "@zitadel/proto/zitadel/object/v2/object_pb.js";
import { type User, UserSchema, UserState } from "@zitadel/proto/zitadel/user/v2/user_pb.js";
import type { CurrentPrimary } from "../../services/primary-phone.js";

/**
 * A Handset user as v2's `User`, the only way v2 reads a phone (`GetUserByID`). Handset keeps no
 * profile, email, login name or password, so a user is a human whose username is its id, always
 * active, with only its phone (the primary number; `{}` when there is none, as ZITADEL answers a
 * human without a phone). Fields Handset has no value for are left empty rather than invented.
 */
export function v2User({ user, primary }: CurrentPrimary): User {
  return create(UserSchema, {
    userId: user.id,
    details: create(DetailsSchema, {
      sequence: BigInt(user.sequence),
      creationDate: timestampFromMs(user.createdAt),
      changeDate: timestampFromMs(user.updatedAt),
      resourceOwner: user.tenantId,
    }),
    state: UserState.ACTIVE,
    username: user.id,
    type: {
      case: "human",
      value: {
        phone: primary ? { phone: primary.e164, isVerified: primary.verified } : {},
      },
    },
  });
}
