import { createBareVerificationService } from "./bare-verification.js";
import { createBareVerificationAdmin } from "./bare-verification-admin.js";
import { createCodeDisclosureService } from "./code-disclosure.js";
import { createConsoleSessionService } from "./console-sessions.js";
import { createCredentialService } from "./credentials.js";
import type { ServiceDeps } from "./deps.js";
import { createDestinationPauseService } from "./destination-pauses.js";
import { createEventLogService } from "./event-log.js";
import { createGuessLockService } from "./guess-locks.js";
import { createIdempotencyService } from "./idempotency.js";
import { createLookupService } from "./lookup.js";
import { createMessageService } from "./messages.js";
import { createPhoneNumberService } from "./phone-numbers.js";
import { createPrimaryPhoneService } from "./primary-phone.js";
import { createProfilePhoneService } from "./profile-phone.js";
import { createStatsService } from "./stats.js";
import { createTenantSettingsService } from "./tenant-settings.js";
import { createTenantService } from "./tenants.js";
import { createUserProfileService } from "./user-profiles.js";
import { createUserSearchService } from "./user-search.js";
import { createUserService } from "./users.js";
import { createVerificationService } from "./verification.js";
import { createVerificationAttemptService } from "./verification-attempt.js";
import { createVerifyServiceService } from "./verify-services.js";
import { createWebhookDeliveryService } from "./webhook-deliveries.js";
import { createWebhookEndpointService } from "./webhook-endpoints.js";

/** All use cases over one store and clock: what every surface calls, and nothing else. */
export function createHandset(deps: ServiceDeps) {
  const phoneNumbers = createPhoneNumberService(deps);
  const users = createUserService(deps, { phoneNumbers });
  const verification = createVerificationService(deps);
  const credentials = createCredentialService(deps);
  return {
    credentials,
    users,
    userProfiles: createUserProfileService(deps, { phoneNumbers }),
    userSearch: createUserSearchService(deps),
    phoneNumbers,
    verification,
    /** Verifications of a bare number, Twilio Verify's shape: start, check, get, cancel, approve. */
    bareVerifications: { ...createBareVerificationService(deps), ...createBareVerificationAdmin(deps) },
    verificationAttempts: createVerificationAttemptService(deps, { verification }),
    codes: createCodeDisclosureService(deps),
    messages: createMessageService(deps),
    settings: createTenantSettingsService(deps),
    tenants: createTenantService(deps),
    destinationPauses: createDestinationPauseService(deps),
    guessLocks: createGuessLockService(deps),
    lookup: createLookupService(deps),
    events: createEventLogService(deps),
    profilePhone: createProfilePhoneService(deps, { users, phoneNumbers, verification }),
    primaryPhone: createPrimaryPhoneService(deps, { users, phoneNumbers, verification }),
    stats: createStatsService(deps),
    consoleSessions: createConsoleSessionService(deps, credentials),
    idempotency: createIdempotencyService(deps),
    webhooks: createWebhookEndpointService(deps),
    webhookDeliveries: createWebhookDeliveryService(deps),
    /** A tenant's verify services (Twilio Verify's Services): named verification settings. */
    verifyServices: createVerifyServiceService(deps),
  };
}

export type Handset = ReturnType<typeof createHandset>;
