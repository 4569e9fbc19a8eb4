import { createCodeDisclosureService } from "./code-disclosure.js";
import { createCredentialService } from "./credentials.js";
import type { ServiceDeps } from "./deps.js";
import { createPhoneNumberService } from "./phone-numbers.js";
import { createProfilePhoneService } from "./profile-phone.js";
import { createUserService } from "./users.js";
import { createVerificationService } from "./verification.js";

/** All use cases over one store and clock: what every surface calls, and nothing else. */
export function createHandset(deps: ServiceDeps) {
  return {
    credentials: createCredentialService(deps),
    users: createUserService(deps),
    phoneNumbers: createPhoneNumberService(deps),
    verification: createVerificationService(deps),
    codes: createCodeDisclosureService(deps),
    profilePhone: createProfilePhoneService(deps),
  };
}

export type Handset = ReturnType<typeof createHandset>;
