// Generated from Handset's OpenAPI document by `npm run client:generate`; do not edit.
// test/client/generated.test.ts fails when the server's document and this file differ.

export interface paths {
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users */
        get: operations["listUsers"];
        put?: never;
        /** Create a user */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a user */
        get: operations["getUser"];
        put?: never;
        post?: never;
        /**
         * Delete a user
         * @description Removes the user's numbers with it, cancels their open verifications and revokes their tokens.
         */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{user_id}/phone-numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a user's phone numbers */
        get: operations["listUserPhoneNumbers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The token's own user */
        get: operations["getMyUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/phone-numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List my phone numbers */
        get: operations["listMyPhoneNumbers"];
        put?: never;
        /**
         * Add a phone number
         * @description A user's first number becomes primary. The number is parsed, normalised to E.164 and checked.
         */
        post: operations["addMyPhoneNumber"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/phone-numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find a phone number's holder
         * @description Who in the tenant holds `phone_number`, and its state: the sign-in-with-phone lookup. `data` holds the one holder, or nothing. Needs `phone:read`.
         */
        get: operations["findPhoneNumber"];
        put?: never;
        /**
         * Add a phone number
         * @description A user's first number becomes primary. The number is parsed, normalised to E.164 and checked.
         */
        post: operations["addPhoneNumber"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/phone-numbers/{phone_number_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a phone number */
        get: operations["getPhoneNumber"];
        put?: never;
        post?: never;
        /**
         * Remove a phone number
         * @description Removing the primary leaves the user without one: nothing is promoted silently.
         */
        delete: operations["deletePhoneNumber"];
        options?: never;
        head?: never;
        /**
         * Update a phone number
         * @description Make it primary (the flag moves atomically), reserve it for second factor (needs verified), make it the default second factor, or mark it verified or unverified by hand.
         */
        patch: operations["updatePhoneNumber"];
        trace?: never;
    };
    "/v1/phone-numbers/{phone_number_id}/send-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a verification code
         * @description Starts a verification, or sends the same code again within its validity window. 429 with Retry-After during the resend cooldown or when a send limit is reached. The SMS is written in `locale` when given, else in the best match of Accept-Language, else in the tenant's default; `message` is the SMS queued (null for a test number).
         */
        post: operations["sendVerificationCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/phone-numbers/{phone_number_id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify a code
         * @description A wrong code answers 422 CODE_INVALID with the attempts left in `details.attempts_left`.
         */
        post: operations["verifyPhoneNumber"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/phone-numbers/{phone_number_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a phone number */
        get: operations["getMyPhoneNumber"];
        put?: never;
        post?: never;
        /**
         * Remove a phone number
         * @description Removing the primary leaves the user without one: nothing is promoted silently.
         */
        delete: operations["deleteMyPhoneNumber"];
        options?: never;
        head?: never;
        /**
         * Update a phone number
         * @description Make it primary (the flag moves atomically), reserve it for second factor (needs verified), make it the default second factor.
         */
        patch: operations["updateMyPhoneNumber"];
        trace?: never;
    };
    "/v1/me/phone-numbers/{phone_number_id}/send-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a verification code
         * @description Starts a verification, or sends the same code again within its validity window. 429 with Retry-After during the resend cooldown or when a send limit is reached. The SMS is written in `locale` when given, else in the best match of Accept-Language, else in the tenant's default; `message` is the SMS queued (null for a test number).
         */
        post: operations["sendMyVerificationCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/phone-numbers/{phone_number_id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify a code
         * @description A wrong code answers 422 CODE_INVALID with the attempts left in `details.attempts_left`.
         */
        post: operations["verifyMyPhoneNumber"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/phone-numbers/{phone_number_id}/guess-lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a number's guess lock
         * @description After too many wrong codes in a row (100 by default, counted across every tenant holding the number) the number cannot be verified: checking a code answers 429 PHONE_NUMBER_LOCKED until `until`, or until an admin resets the streak.
         */
        get: operations["getGuessLock"];
        put?: never;
        post?: never;
        /**
         * Unlock a number
         * @description Resets this tenant's streak of wrong codes on the number. Other tenants' streaks still count: when they alone reach the cap, the answer says the number is still locked.
         */
        delete: operations["clearGuessLock"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/phone-numbers/{phone_number_id}/guess-lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a number's guess lock
         * @description After too many wrong codes in a row (100 by default, counted across every tenant holding the number) the number cannot be verified: checking a code answers 429 PHONE_NUMBER_LOCKED until `until`, or until an admin resets the streak.
         */
        get: operations["getMyGuessLock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/{message_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an SMS message and its delivery status */
        get: operations["getMessage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/phone-numbers/{phone_number_id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the SMS messages sent to a phone number
         * @description Newest first: the codes sent for its verifications, each with its delivery status.
         */
        get: operations["listPhoneNumberMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/messages/{message_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an SMS message and its delivery status */
        get: operations["getMyMessage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/phone-numbers/{phone_number_id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the SMS messages sent to a phone number
         * @description Newest first: the codes sent for its verifications, each with its delivery status.
         */
        get: operations["listMyPhoneNumberMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the tenant's settings
         * @description The settings in force: the tenant's own, with the service's defaults filled in.
         */
        get: operations["getSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the tenant's settings
         * @description Each section given is merged key by key over the stored one; a section given as null goes back to the defaults. Records a `tenant.settings_changed` event; bad input changes nothing.
         */
        patch: operations["updateSettings"];
        trace?: never;
    };
    "/v1/guard/pauses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the destinations paused by the conversion guard
         * @description The tenant's running pauses: destinations whose codes were sent but too rarely verified, with the figures that paused them.
         */
        get: operations["listDestinationPauses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/guard/pauses/{scope}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Lift a pause early
         * @description Sends to the destination go again at once; its figures start again from the next counting window.
         */
        delete: operations["deleteDestinationPause"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the tenant's admin keys and user tokens
         * @description Newest first, without secrets. Revoked credentials are left out unless `include_revoked=true`. `last_used_at` is written in the background and may lag by about a minute.
         */
        get: operations["listCredentials"];
        put?: never;
        /**
         * Create an admin key or a user token
         * @description Answers the secret once (201); Handset keeps only its hash. A key grants only scopes it holds itself (creating needs `keys:write`). A user token names its user, who appears on the token's first use; revoke it with `POST /v1/credentials/{id}/revoke`. The CLI's `handset tokens create --user U` does the same on the server's host (docs/admin.md, docs/app-tokens.md).
         */
        post: operations["createCredential"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/credentials/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show one admin key or user token */
        get: operations["getCredential"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/credentials/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke an admin key or user token
         * @description Every Handset process refuses the credential from its next request (401). Revoking a revoked credential answers it unchanged. A key may revoke itself: this answer is its last.
         */
        post: operations["revokeCredential"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the tenant's webhook endpoints */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /**
         * Register a webhook endpoint
         * @description Answers the signing secret (`whsec_...`) once (201). Every event of the listed types (or `*`) is POSTed to the URL, signed per Standard Webhooks.
         */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show a webhook endpoint (never its secret) */
        get: operations["getWebhookEndpoint"];
        put?: never;
        post?: never;
        /** Delete a webhook endpoint with its delivery log */
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        /**
         * Change a webhook endpoint's URL, event types, description or enabled state
         * @description `enabled: true` turns a disabled endpoint back on and ends its run of failures; deliveries given up meanwhile stay so (replay one to send it).
         */
        patch: operations["updateWebhookEndpoint"];
        trace?: never;
    };
    "/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give a webhook endpoint a new secret
         * @description Answers the new secret once. For 24 hours each webhook carries a signature under the old secret too, so receivers can switch without a gap.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An endpoint's delivery log, newest first */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries/{delivery_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One delivery with its attempts (status code, duration, error, next try) */
        get: operations["getWebhookDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries/{delivery_id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again now
         * @description With the same `webhook-id`. An attempt under way is left to finish; a disabled endpoint's deliveries go once it is enabled.
         */
        post: operations["replayWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tenants
         * @description By id. Needs an admin key with tenants:manage.
         */
        get: operations["listTenants"];
        put?: never;
        /**
         * Create a tenant
         * @description 409 TENANT_ALREADY_EXISTS when the id is taken. Its admin keys are made next.
         */
        post: operations["createTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show a tenant, with how many users, numbers, keys and tokens it holds */
        get: operations["getTenant"];
        put?: never;
        post?: never;
        /**
         * Delete a tenant and everything it holds
         * @description Users, numbers, verifications, messages, events, keys and tokens, budget and guard rows, settings: all in one transaction, and its credentials stop working at once. Refused with CONFIRMATION_REQUIRED unless `confirm` repeats the id; the default tenant cannot be deleted. Answers what was deleted.
         */
        delete: operations["deleteTenant"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lookup/phone-numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find who holds a phone number, its verifications and messages
         * @description Searches the key's tenant; with all_tenants=true (needs tenants:manage) every tenant. A number nobody holds answers empty lists, not 404. Never shows a code.
         */
        get: operations["lookupPhoneNumber"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the tenant's SMS messages by delivery status and time
         * @description Newest first, with cursor pagination. status=failed,undelivered lists the delivery failures.
         */
        get: operations["listMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the tenant's event log
         * @description Every change, newest first, with cursor pagination; filter by user, type (exact, or a prefix ending in '.') and time.
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/verifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a code to a bare number
         * @description Starts a verification of `to`, or sends the open one's code again (the same code) within its validity window: 429 with Retry-After during the resend cooldown or when a send limit, budget or guard refuses. The number is checked like a number added to a user (type, geo permissions). `holder` says which user of the tenant holds the number already, if any. Needs `phone:verify`.
         */
        post: operations["startVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/verifications/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a code sent to a bare number
         * @description Checks `code` against the open verification of `to` (or the one named by `verification_id`). A wrong code answers 422 `CODE_INVALID` with `details.attempts_left` and the verification it counted against in `details.verification_id`; the last one `CODE_ATTEMPTS_EXHAUSTED`; a late one `CODE_EXPIRED`; one for a verification approved already 409 `CODE_ALREADY_USED`; a number with no code 409 `VERIFICATION_NOT_FOUND`. Needs `phone:verify`.
         */
        post: operations["checkVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/verifications/{verification_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a verification
         * @description Any verification of the tenant by id: a bare number's, or a user's number's. Needs `phone:read`.
         */
        get: operations["getVerification"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/verifications/{verification_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a verification
         * @description Its code is refused from now on. Only an open verification of a bare number: an ended one answers why (`CODE_ALREADY_USED`, `CODE_EXPIRED`, ...). Needs `phone:verify`.
         */
        post: operations["cancelVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/verifications/{verification_id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a verification without a code
         * @description The backend vouches for the number (strategy `admin`), as `verified: true` does when adding a number. Only an open verification of a bare number. Needs `phone:write`.
         */
        post: operations["approveVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/verify-services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the tenant's verify services
         * @description Oldest first. The tenant's default service (its own settings, used when no `service_id` is given) is not listed. Needs `phone:read`.
         */
        get: operations["listVerifyServices"];
        put?: never;
        /**
         * Create a verify service
         * @description A name its SMS say and a code length of its own; the tenant's other settings (limits, budgets, geo permissions, templates) apply to it as to every verification. Needs `phone:write`.
         */
        post: operations["createVerifyService"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/verify-services/{service_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show a verify service */
        get: operations["getVerifyService"];
        put?: never;
        post?: never;
        /**
         * Delete a verify service
         * @description Its open verifications are canceled (their codes are refused from now on) and stay readable by id. Needs `phone:write`.
         */
        delete: operations["deleteVerifyService"];
        options?: never;
        head?: never;
        /**
         * Rename a verify service, change its code length or allow custom codes
         * @description Verifications already started keep the code length they were issued with. Needs `phone:write`.
         */
        patch: operations["updateVerifyService"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        BareCodeSent: {
            verification: components["schemas"]["BareVerification"];
            /** @enum {string} */
            delivery: "sms" | "test_number";
            /** @description The SMS queued; null for a test number */
            message: components["schemas"]["Message"] | null;
            /** @description True when this call started a new code, false for a resend */
            new_verification: boolean;
        };
        BareCodeSentInput: {
            verification: components["schemas"]["BareVerificationInput"];
            /** @enum {string} */
            delivery: "sms" | "test_number";
            /** @description The SMS queued; null for a test number */
            message: components["schemas"]["MessageInput"] | null;
            /** @description True when this call started a new code, false for a resend */
            new_verification: boolean;
        };
        BareVerification: {
            /** @example vf_01kbf2v6x1q9m8z3c4d5e6f7g8 */
            id: string;
            /** @description Null for a verification of a bare number (`POST /v1/verifications`) not attached yet */
            phone_number_id: string | null;
            /** @enum {string} */
            status: "pending" | "verified" | "expired" | "failed" | "canceled";
            /** @enum {string} */
            strategy: "sms_code" | "test_number";
            /** @example 1 */
            attempts_used: number;
            /** @example 4 */
            attempts_left: number;
            /** @example 5 */
            max_attempts: number;
            /** @example 1 */
            sends_used: number;
            /** @example 2 */
            sends_left: number;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             * @example 2026-12-02T09:40:00.000Z
             */
            expires_at: string;
            /** @description When asking again sends a code; null once ended */
            resend_available_at: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             * @example 2026-12-02T09:30:00.000Z
             */
            created_at: string;
            /**
             * @description E.164
             * @example +447400123456
             */
            to: string;
            /** @description The user it was attached to; null until then */
            user_id: string | null;
            /** @description When it was approved */
            verified_at: string | null;
            /** @description How it was approved: a code, a test number's code, or an admin without a code */
            verification_strategy: ("sms_code" | "test_number" | "admin") | null;
            /** @description Until when `POST /v1/phone-numbers` takes it as `verification_id`; null when it cannot */
            attachable_until: string | null;
            /** @description The user of this tenant who holds the number already, or null: shown to admin keys only */
            holder: components["schemas"]["NumberHolder"] | null;
            /** @description The verify service it was started under (`/v1/verify-services`); null: the tenant's default */
            service_id: string | null;
        };
        BareVerificationInput: {
            /** @example vf_01kbf2v6x1q9m8z3c4d5e6f7g8 */
            id: string;
            /** @description Null for a verification of a bare number (`POST /v1/verifications`) not attached yet */
            phone_number_id: string | null;
            /** @enum {string} */
            status: "pending" | "verified" | "expired" | "failed" | "canceled";
            /** @enum {string} */
            strategy: "sms_code" | "test_number";
            /** @example 1 */
            attempts_used: number;
            /** @example 4 */
            attempts_left: number;
            /** @example 5 */
            max_attempts: number;
            /** @example 1 */
            sends_used: number;
            /** @example 2 */
            sends_left: number;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             * @example 2026-12-02T09:40:00.000Z
             */
            expires_at: string;
            /** @description When asking again sends a code; null once ended */
            resend_available_at: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             * @example 2026-12-02T09:30:00.000Z
             */
            created_at: string;
            /**
             * @description E.164
             * @example +447400123456
             */
            to: string;
            /** @description The user it was attached to; null until then */
            user_id: string | null;
            /** @description When it was approved */
            verified_at: string | null;
            /** @description How it was approved: a code, a test number's code, or an admin without a code */
            verification_strategy: ("sms_code" | "test_number" | "admin") | null;
            /** @description Until when `POST /v1/phone-numbers` takes it as `verification_id`; null when it cannot */
            attachable_until: string | null;
            /** @description The user of this tenant who holds the number already, or null: shown to admin keys only */
            holder: components["schemas"]["NumberHolderInput"] | null;
            /** @description The verify service it was started under (`/v1/verify-services`); null: the tenant's default */
            service_id: string | null;
        };
        CodeSent: {
            phone_number: components["schemas"]["PhoneNumber"];
            verification: components["schemas"]["Verification"];
            /** @enum {string} */
            delivery: "sms" | "test_number" | "returned";
            /** @description The SMS queued; null for a test number */
            message: components["schemas"]["Message"] | null;
        };
        CodeSentInput: {
            phone_number: components["schemas"]["PhoneNumberInput"];
            verification: components["schemas"]["VerificationInput"];
            /** @enum {string} */
            delivery: "sms" | "test_number" | "returned";
            /** @description The SMS queued; null for a test number */
            message: components["schemas"]["MessageInput"] | null;
        };
        CodeVerified: {
            phone_number: components["schemas"]["PhoneNumber"];
            verification: components["schemas"]["Verification"];
        };
        CodeVerifiedInput: {
            phone_number: components["schemas"]["PhoneNumberInput"];
            verification: components["schemas"]["VerificationInput"];
        };
        Credential: {
            /** @example cred_01jdz8m3k9q4r6s7t8v9w0x1y2 */
            id: string;
            /** @enum {string} */
            kind: "admin_key" | "user_token";
            /** @example default */
            tenant_id: string;
            /** @description The one user a user token acts for; null for an admin key */
            user_id: string | null;
            /** @example billing backend */
            name: string;
            scopes: ("users:read" | "users:write" | "phone:read" | "phone:write" | "phone:verify" | "keys:read" | "keys:write" | "events:read" | "webhooks:read" | "webhooks:write" | "codes:return" | "tenants:manage")[];
            /**
             * @description The secret's first characters, to tell credentials apart
             * @example hsk_Xq3vP9
             */
            hint: string;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             */
            created_at: string;
            /** @description Refused from then on (CREDENTIAL_EXPIRED); null: never */
            expires_at: string | null;
            /** @description Refused from then on (UNAUTHENTICATED); null: not revoked */
            revoked_at: string | null;
            /** @description The latest authenticated request, within about a minute; null: never used */
            last_used_at: string | null;
        };
        CredentialInput: {
            /** @example cred_01jdz8m3k9q4r6s7t8v9w0x1y2 */
            id: string;
            /** @enum {string} */
            kind: "admin_key" | "user_token";
            /** @example default */
            tenant_id: string;
            /** @description The one user a user token acts for; null for an admin key */
            user_id: string | null;
            /** @example billing backend */
            name: string;
            scopes: ("users:read" | "users:write" | "phone:read" | "phone:write" | "phone:verify" | "keys:read" | "keys:write" | "events:read" | "webhooks:read" | "webhooks:write" | "codes:return" | "tenants:manage")[];
            /**
             * @description The secret's first characters, to tell credentials apart
             * @example hsk_Xq3vP9
             */
            hint: string;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             */
            created_at: string;
            /** @description Refused from then on (CREDENTIAL_EXPIRED); null: never */
            expires_at: string | null;
            /** @description Refused from then on (UNAUTHENTICATED); null: not revoked */
            revoked_at: string | null;
            /** @description The latest authenticated request, within about a minute; null: never used */
            last_used_at: string | null;
        };
        CredentialPage: {
            data: components["schemas"]["Credential"][];
            next_cursor: string | null;
        };
        CredentialPageInput: {
            data: components["schemas"]["CredentialInput"][];
            next_cursor: string | null;
        };
        DestinationPause: {
            /** @description `country:NG` (ISO region) or `prefix:+234803` (calling code and 3 national digits) */
            scope: string;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             * @example 2026-12-02T09:30:00.000Z
             */
            paused_at: string;
            /**
             * Format: date-time
             * @description Sends to the destination are refused until then (DESTINATION_PAUSED)
             * @example 2026-12-03T09:30:00.000Z
             */
            paused_until: string;
            /**
             * @description SMS sent in the recent window when the pause started
             * @example 240
             */
            sent: number;
            /**
             * @description Codes verified in the same window
             * @example 3
             */
            verified: number;
            /**
             * @description verified / sent
             * @example 0.0125
             */
            rate: number;
            reason: string;
        };
        DestinationPauseInput: {
            /** @description `country:NG` (ISO region) or `prefix:+234803` (calling code and 3 national digits) */
            scope: string;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             * @example 2026-12-02T09:30:00.000Z
             */
            paused_at: string;
            /**
             * Format: date-time
             * @description Sends to the destination are refused until then (DESTINATION_PAUSED)
             * @example 2026-12-03T09:30:00.000Z
             */
            paused_until: string;
            /**
             * @description SMS sent in the recent window when the pause started
             * @example 240
             */
            sent: number;
            /**
             * @description Codes verified in the same window
             * @example 3
             */
            verified: number;
            /**
             * @description verified / sent
             * @example 0.0125
             */
            rate: number;
            reason: string;
        };
        Error: {
            error: {
                /**
                 * @description Stable machine-readable code; each always answers the same status:
                 *
                 *     | status | codes |
                 *     |---|---|
                 *     | 400 | `INVALID_REQUEST`, `MALFORMED_JSON` |
                 *     | 401 | `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` |
                 *     | 403 | `INSUFFICIENT_SCOPE` |
                 *     | 404 | `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` |
                 *     | 409 | `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` |
                 *     | 413 | `PAYLOAD_TOO_LARGE` |
                 *     | 415 | `UNSUPPORTED_MEDIA_TYPE` |
                 *     | 422 | `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` |
                 *     | 429 | `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` |
                 *     | 500 | `INTERNAL` |
                 *     | 503 | `SERVICE_UNAVAILABLE` |
                 * @example PHONE_NUMBER_NOT_FOUND
                 * @enum {string}
                 */
                code: "INVALID_REQUEST" | "MALFORMED_JSON" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "ROUTE_NOT_FOUND" | "UNAUTHENTICATED" | "CREDENTIAL_EXPIRED" | "INSUFFICIENT_SCOPE" | "PHONE_NUMBER_NOT_A_NUMBER" | "PHONE_NUMBER_TOO_LONG" | "PHONE_NUMBER_REGION_INVALID" | "PHONE_NUMBER_NOT_POSSIBLE" | "PHONE_NUMBER_NOT_VALID" | "PHONE_NUMBER_TYPE_NOT_ALLOWED" | "PHONE_NUMBER_COUNTRY_NOT_ALLOWED" | "TENANT_NOT_FOUND" | "USER_NOT_FOUND" | "USER_ALREADY_EXISTS" | "PHONE_NUMBER_NOT_FOUND" | "MESSAGE_NOT_FOUND" | "DESTINATION_PAUSE_NOT_FOUND" | "CREDENTIAL_NOT_FOUND" | "WEBHOOK_ENDPOINT_NOT_FOUND" | "WEBHOOK_DELIVERY_NOT_FOUND" | "VERIFY_SERVICE_NOT_FOUND" | "TENANT_ALREADY_EXISTS" | "CONFIRMATION_REQUIRED" | "PHONE_NUMBER_TAKEN" | "PHONE_NUMBER_UNAVAILABLE" | "PHONE_NUMBER_NOT_VERIFIED" | "PHONE_NUMBER_NOT_RESERVED" | "PHONE_NUMBER_ALREADY_VERIFIED" | "PHONE_NUMBER_LAST_IDENTIFICATION" | "DEFAULT_SECOND_FACTOR_REQUIRED" | "PROFILE_PHONE_ALREADY_VERIFIED" | "PROFILE_PHONE_UNCHANGED" | "VERIFICATION_NOT_FOUND" | "VERIFICATION_ID_NOT_FOUND" | "CODE_INVALID" | "CODE_EXPIRED" | "CODE_ATTEMPTS_EXHAUSTED" | "CODE_ALREADY_USED" | "NUMBER_GUESS_BUDGET_EXHAUSTED" | "RESEND_COOLDOWN" | "SEND_LIMIT_REACHED" | "BUDGET_EXCEEDED" | "DESTINATION_PAUSED" | "PHONE_NUMBER_LOCKED" | "IDEMPOTENCY_KEY_REUSED" | "IDEMPOTENCY_KEY_IN_PROGRESS" | "IDEMPOTENCY_ANSWER_WITHHELD" | "SERVICE_UNAVAILABLE" | "INTERNAL";
                /** @example No phone number pn_01kbf2tqa0w7y6x5v4t3s2r1q0. */
                message: string;
                /** @example req_01kbf2w0b1c2d3e4f5g6h7j8k9 */
                request_id: string;
                details?: {
                    [key: string]: string | number;
                };
                fields?: {
                    path: string;
                    message: string;
                }[];
            };
        };
        ErrorInput: {
            error: {
                /**
                 * @description Stable machine-readable code; each always answers the same status:
                 *
                 *     | status | codes |
                 *     |---|---|
                 *     | 400 | `INVALID_REQUEST`, `MALFORMED_JSON` |
                 *     | 401 | `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` |
                 *     | 403 | `INSUFFICIENT_SCOPE` |
                 *     | 404 | `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` |
                 *     | 409 | `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` |
                 *     | 413 | `PAYLOAD_TOO_LARGE` |
                 *     | 415 | `UNSUPPORTED_MEDIA_TYPE` |
                 *     | 422 | `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` |
                 *     | 429 | `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` |
                 *     | 500 | `INTERNAL` |
                 *     | 503 | `SERVICE_UNAVAILABLE` |
                 * @example PHONE_NUMBER_NOT_FOUND
                 * @enum {string}
                 */
                code: "INVALID_REQUEST" | "MALFORMED_JSON" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "ROUTE_NOT_FOUND" | "UNAUTHENTICATED" | "CREDENTIAL_EXPIRED" | "INSUFFICIENT_SCOPE" | "PHONE_NUMBER_NOT_A_NUMBER" | "PHONE_NUMBER_TOO_LONG" | "PHONE_NUMBER_REGION_INVALID" | "PHONE_NUMBER_NOT_POSSIBLE" | "PHONE_NUMBER_NOT_VALID" | "PHONE_NUMBER_TYPE_NOT_ALLOWED" | "PHONE_NUMBER_COUNTRY_NOT_ALLOWED" | "TENANT_NOT_FOUND" | "USER_NOT_FOUND" | "USER_ALREADY_EXISTS" | "PHONE_NUMBER_NOT_FOUND" | "MESSAGE_NOT_FOUND" | "DESTINATION_PAUSE_NOT_FOUND" | "CREDENTIAL_NOT_FOUND" | "WEBHOOK_ENDPOINT_NOT_FOUND" | "WEBHOOK_DELIVERY_NOT_FOUND" | "VERIFY_SERVICE_NOT_FOUND" | "TENANT_ALREADY_EXISTS" | "CONFIRMATION_REQUIRED" | "PHONE_NUMBER_TAKEN" | "PHONE_NUMBER_UNAVAILABLE" | "PHONE_NUMBER_NOT_VERIFIED" | "PHONE_NUMBER_NOT_RESERVED" | "PHONE_NUMBER_ALREADY_VERIFIED" | "PHONE_NUMBER_LAST_IDENTIFICATION" | "DEFAULT_SECOND_FACTOR_REQUIRED" | "PROFILE_PHONE_ALREADY_VERIFIED" | "PROFILE_PHONE_UNCHANGED" | "VERIFICATION_NOT_FOUND" | "VERIFICATION_ID_NOT_FOUND" | "CODE_INVALID" | "CODE_EXPIRED" | "CODE_ATTEMPTS_EXHAUSTED" | "CODE_ALREADY_USED" | "NUMBER_GUESS_BUDGET_EXHAUSTED" | "RESEND_COOLDOWN" | "SEND_LIMIT_REACHED" | "BUDGET_EXCEEDED" | "DESTINATION_PAUSED" | "PHONE_NUMBER_LOCKED" | "IDEMPOTENCY_KEY_REUSED" | "IDEMPOTENCY_KEY_IN_PROGRESS" | "IDEMPOTENCY_ANSWER_WITHHELD" | "SERVICE_UNAVAILABLE" | "INTERNAL";
                /** @example No phone number pn_01kbf2tqa0w7y6x5v4t3s2r1q0. */
                message: string;
                /** @example req_01kbf2w0b1c2d3e4f5g6h7j8k9 */
                request_id: string;
                details?: {
                    [key: string]: string | number;
                };
                fields?: {
                    path: string;
                    message: string;
                }[];
            };
        };
        Event: {
            id: string;
            tenant_id: string;
            /** @enum {string} */
            aggregate_type: "tenant" | "user" | "message" | "credential" | "webhook_endpoint";
            aggregate_id: string;
            /** @description The aggregate's own sequence */
            sequence: number;
            type: string;
            /** @description admin_key:<id>, user_token:<id> or system:<part> */
            actor: string;
            /** @description What changed: ids, flags and counts; never a code or a secret */
            payload: unknown;
            /** Format: date-time */
            created_at: string;
        };
        EventInput: {
            id: string;
            tenant_id: string;
            /** @enum {string} */
            aggregate_type: "tenant" | "user" | "message" | "credential" | "webhook_endpoint";
            aggregate_id: string;
            /** @description The aggregate's own sequence */
            sequence: number;
            type: string;
            /** @description admin_key:<id>, user_token:<id> or system:<part> */
            actor: string;
            /** @description What changed: ids, flags and counts; never a code or a secret */
            payload: unknown;
            /** Format: date-time */
            created_at: string;
        };
        EventPage: {
            data: components["schemas"]["Event"][];
            next_cursor: string | null;
        };
        EventPageInput: {
            data: components["schemas"]["EventInput"][];
            next_cursor: string | null;
        };
        GuessLock: {
            phone_number_id: string;
            /**
             * @description This tenant's wrong codes in a row on the number (a success resets them)
             * @example 2
             */
            consecutive_failures: number;
            /**
             * @description Wrong codes in a row, summed over every tenant holding the number, that lock it
             * @example 20
             */
            lock_after: number;
            locked: boolean;
            /** @description When the number was locked; null while it is not */
            locked_at: string | null;
            /** @description When the lock lapses by itself; null while it is not locked */
            until: string | null;
        };
        GuessLockCleared: {
            phone_number_id: string;
            /**
             * @description This tenant's wrong codes in a row on the number (a success resets them)
             * @example 2
             */
            consecutive_failures: number;
            /**
             * @description Wrong codes in a row, summed over every tenant holding the number, that lock it
             * @example 20
             */
            lock_after: number;
            locked: boolean;
            /** @description When the number was locked; null while it is not */
            locked_at: string | null;
            /** @description When the lock lapses by itself; null while it is not locked */
            until: string | null;
            /**
             * @description The wrong codes in a row this reset forgot
             * @example 2
             */
            cleared: number;
        };
        GuessLockClearedInput: {
            phone_number_id: string;
            /**
             * @description This tenant's wrong codes in a row on the number (a success resets them)
             * @example 2
             */
            consecutive_failures: number;
            /**
             * @description Wrong codes in a row, summed over every tenant holding the number, that lock it
             * @example 20
             */
            lock_after: number;
            locked: boolean;
            /** @description When the number was locked; null while it is not */
            locked_at: string | null;
            /** @description When the lock lapses by itself; null while it is not locked */
            until: string | null;
            /**
             * @description The wrong codes in a row this reset forgot
             * @example 2
             */
            cleared: number;
        };
        GuessLockInput: {
            phone_number_id: string;
            /**
             * @description This tenant's wrong codes in a row on the number (a success resets them)
             * @example 2
             */
            consecutive_failures: number;
            /**
             * @description Wrong codes in a row, summed over every tenant holding the number, that lock it
             * @example 20
             */
            lock_after: number;
            locked: boolean;
            /** @description When the number was locked; null while it is not */
            locked_at: string | null;
            /** @description When the lock lapses by itself; null while it is not locked */
            until: string | null;
        };
        IssuedCredential: {
            /** @example cred_01jdz8m3k9q4r6s7t8v9w0x1y2 */
            id: string;
            /** @enum {string} */
            kind: "admin_key" | "user_token";
            /** @example default */
            tenant_id: string;
            /** @description The one user a user token acts for; null for an admin key */
            user_id: string | null;
            /** @example billing backend */
            name: string;
            scopes: ("users:read" | "users:write" | "phone:read" | "phone:write" | "phone:verify" | "keys:read" | "keys:write" | "events:read" | "webhooks:read" | "webhooks:write" | "codes:return" | "tenants:manage")[];
            /**
             * @description The secret's first characters, to tell credentials apart
             * @example hsk_Xq3vP9
             */
            hint: string;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             */
            created_at: string;
            /** @description Refused from then on (CREDENTIAL_EXPIRED); null: never */
            expires_at: string | null;
            /** @description Refused from then on (UNAUTHENTICATED); null: not revoked */
            revoked_at: string | null;
            /** @description The latest authenticated request, within about a minute; null: never used */
            last_used_at: string | null;
            /** @description The secret, shown this once: Handset keeps only its hash */
            secret: string;
        };
        IssuedCredentialInput: {
            /** @example cred_01jdz8m3k9q4r6s7t8v9w0x1y2 */
            id: string;
            /** @enum {string} */
            kind: "admin_key" | "user_token";
            /** @example default */
            tenant_id: string;
            /** @description The one user a user token acts for; null for an admin key */
            user_id: string | null;
            /** @example billing backend */
            name: string;
            scopes: ("users:read" | "users:write" | "phone:read" | "phone:write" | "phone:verify" | "keys:read" | "keys:write" | "events:read" | "webhooks:read" | "webhooks:write" | "codes:return" | "tenants:manage")[];
            /**
             * @description The secret's first characters, to tell credentials apart
             * @example hsk_Xq3vP9
             */
            hint: string;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             */
            created_at: string;
            /** @description Refused from then on (CREDENTIAL_EXPIRED); null: never */
            expires_at: string | null;
            /** @description Refused from then on (UNAUTHENTICATED); null: not revoked */
            revoked_at: string | null;
            /** @description The latest authenticated request, within about a minute; null: never used */
            last_used_at: string | null;
            /** @description The secret, shown this once: Handset keeps only its hash */
            secret: string;
        };
        LookupMessage: {
            /** @example msg_01kbf2v7a8b9c0d1e2f3g4h5j6 */
            id: string;
            /** @description Null for a code to a bare number (`POST /v1/verifications`) not attached to a user */
            phone_number_id: string | null;
            /** @example vf_01kbf2v6x1q9m8z3c4d5e6f7g8 */
            verification_id: string;
            /**
             * @description E.164
             * @example +447400123456
             */
            to: string;
            /**
             * @description queued until a provider accepts it; sent once one has; then its receipt's delivered or undelivered, or failed (given up by Handset, or refused downstream)
             * @enum {string}
             */
            status: "queued" | "sent" | "delivered" | "undelivered" | "failed";
            /** @description The configured provider that took it */
            provider: string | null;
            provider_message_id: string | null;
            /** @description The locale the request asked for; null for the default */
            locale: string | null;
            encoding: ("gsm7" | "ucs2") | null;
            segments: number | null;
            /** @example 1 */
            delivery_attempts: number;
            /** @description The receipt's error, else the last delivery error */
            error: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             * @example 2026-12-02T09:30:00.000Z
             */
            created_at: string;
            sent_at: string | null;
            receipt_at: string | null;
            failed_at: string | null;
            tenant_id: string;
            /** @description Null for a code to a bare number not attached to a user */
            user_id: string | null;
        };
        LookupMessageInput: {
            /** @example msg_01kbf2v7a8b9c0d1e2f3g4h5j6 */
            id: string;
            /** @description Null for a code to a bare number (`POST /v1/verifications`) not attached to a user */
            phone_number_id: string | null;
            /** @example vf_01kbf2v6x1q9m8z3c4d5e6f7g8 */
            verification_id: string;
            /**
             * @description E.164
             * @example +447400123456
             */
            to: string;
            /**
             * @description queued until a provider accepts it; sent once one has; then its receipt's delivered or undelivered, or failed (given up by Handset, or refused downstream)
             * @enum {string}
             */
            status: "queued" | "sent" | "delivered" | "undelivered" | "failed";
            /** @description The configured provider that took it */
            provider: string | null;
            provider_message_id: string | null;
            /** @description The locale the request asked for; null for the default */
            locale: string | null;
            encoding: ("gsm7" | "ucs2") | null;
            segments: number | null;
            /** @example 1 */
            delivery_attempts: number;
            /** @description The receipt's error, else the last delivery error */
            error: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             * @example 2026-12-02T09:30:00.000Z
             */
            created_at: string;
            sent_at: string | null;
            receipt_at: string | null;
            failed_at: string | null;
            tenant_id: string;
            /** @description Null for a code to a bare number not attached to a user */
            user_id: string | null;
        };
        LookupVerification: {
            /** @example vf_01kbf2v6x1q9m8z3c4d5e6f7g8 */
            id: string;
            /** @description Null for a verification of a bare number (`POST /v1/verifications`) not attached yet */
            phone_number_id: string | null;
            /** @enum {string} */
            status: "pending" | "verified" | "expired" | "failed" | "canceled";
            /** @enum {string} */
            strategy: "sms_code" | "test_number";
            /** @example 1 */
            attempts_used: number;
            /** @example 4 */
            attempts_left: number;
            /** @example 5 */
            max_attempts: number;
            /** @example 1 */
            sends_used: number;
            /** @example 2 */
            sends_left: number;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             * @example 2026-12-02T09:40:00.000Z
             */
            expires_at: string;
            /** @description When asking again sends a code; null once ended */
            resend_available_at: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             * @example 2026-12-02T09:30:00.000Z
             */
            created_at: string;
            tenant_id: string;
            /** @description The user it was issued to (the number may have changed hands since); null for a bare number's verification not attached to a user */
            user_id: string | null;
            /** @description E.164 */
            phone_number: string;
            /** Format: date-time */
            last_sent_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        LookupVerificationInput: {
            /** @example vf_01kbf2v6x1q9m8z3c4d5e6f7g8 */
            id: string;
            /** @description Null for a verification of a bare number (`POST /v1/verifications`) not attached yet */
            phone_number_id: string | null;
            /** @enum {string} */
            status: "pending" | "verified" | "expired" | "failed" | "canceled";
            /** @enum {string} */
            strategy: "sms_code" | "test_number";
            /** @example 1 */
            attempts_used: number;
            /** @example 4 */
            attempts_left: number;
            /** @example 5 */
            max_attempts: number;
            /** @example 1 */
            sends_used: number;
            /** @example 2 */
            sends_left: number;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             * @example 2026-12-02T09:40:00.000Z
             */
            expires_at: string;
            /** @description When asking again sends a code; null once ended */
            resend_available_at: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             * @example 2026-12-02T09:30:00.000Z
             */
            created_at: string;
            tenant_id: string;
            /** @description The user it was issued to (the number may have changed hands since); null for a bare number's verification not attached to a user */
            user_id: string | null;
            /** @description E.164 */
            phone_number: string;
            /** Format: date-time */
            last_sent_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        Message: {
            /** @example msg_01kbf2v7a8b9c0d1e2f3g4h5j6 */
            id: string;
            /** @description Null for a code to a bare number (`POST /v1/verifications`) not attached to a user */
            phone_number_id: string | null;
            /** @example vf_01kbf2v6x1q9m8z3c4d5e6f7g8 */
            verification_id: string;
            /**
             * @description E.164
             * @example +447400123456
             */
            to: string;
            /**
             * @description queued until a provider accepts it; sent once one has; then its receipt's delivered or undelivered, or failed (given up by Handset, or refused downstream)
             * @enum {string}
             */
            status: "queued" | "sent" | "delivered" | "undelivered" | "failed";
            /** @description The configured provider that took it */
            provider: string | null;
            provider_message_id: string | null;
            /** @description The locale the request asked for; null for the default */
            locale: string | null;
            encoding: ("gsm7" | "ucs2") | null;
            segments: number | null;
            /** @example 1 */
            delivery_attempts: number;
            /** @description The receipt's error, else the last delivery error */
            error: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             * @example 2026-12-02T09:30:00.000Z
             */
            created_at: string;
            sent_at: string | null;
            receipt_at: string | null;
            failed_at: string | null;
        };
        MessageInput: {
            /** @example msg_01kbf2v7a8b9c0d1e2f3g4h5j6 */
            id: string;
            /** @description Null for a code to a bare number (`POST /v1/verifications`) not attached to a user */
            phone_number_id: string | null;
            /** @example vf_01kbf2v6x1q9m8z3c4d5e6f7g8 */
            verification_id: string;
            /**
             * @description E.164
             * @example +447400123456
             */
            to: string;
            /**
             * @description queued until a provider accepts it; sent once one has; then its receipt's delivered or undelivered, or failed (given up by Handset, or refused downstream)
             * @enum {string}
             */
            status: "queued" | "sent" | "delivered" | "undelivered" | "failed";
            /** @description The configured provider that took it */
            provider: string | null;
            provider_message_id: string | null;
            /** @description The locale the request asked for; null for the default */
            locale: string | null;
            encoding: ("gsm7" | "ucs2") | null;
            segments: number | null;
            /** @example 1 */
            delivery_attempts: number;
            /** @description The receipt's error, else the last delivery error */
            error: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             * @example 2026-12-02T09:30:00.000Z
             */
            created_at: string;
            sent_at: string | null;
            receipt_at: string | null;
            failed_at: string | null;
        };
        MessageList: {
            data: components["schemas"]["Message"][];
        };
        MessageListInput: {
            data: components["schemas"]["MessageInput"][];
        };
        MessagePage: {
            data: components["schemas"]["Message"][];
            next_cursor: string | null;
        };
        MessagePageInput: {
            data: components["schemas"]["MessageInput"][];
            next_cursor: string | null;
        };
        NumberHolder: {
            /** @example usr_01kbf2t1n2m3k4j5h6g7f8e9d0 */
            user_id: string;
            /** @example pn_01kbf2tqa0w7y6x5v4t3s2r1q0 */
            phone_number_id: string;
            /** @description Whether the holder's number is verified */
            verified: boolean;
        };
        NumberHolderInput: {
            /** @example usr_01kbf2t1n2m3k4j5h6g7f8e9d0 */
            user_id: string;
            /** @example pn_01kbf2tqa0w7y6x5v4t3s2r1q0 */
            phone_number_id: string;
            /** @description Whether the holder's number is verified */
            verified: boolean;
        };
        PhoneNumber: {
            /** @example pn_01kbf2tqa0w7y6x5v4t3s2r1q0 */
            id: string;
            /** @example usr_01kbf2t1n2m3k4j5h6g7f8e9d0 */
            user_id: string;
            /**
             * @description E.164
             * @example +447400123456
             */
            phone_number: string;
            /** @description ISO 3166-1 alpha-2, when known */
            region: string | null;
            number_type: string;
            primary: boolean;
            verified: boolean;
            verified_at: string | null;
            verification_strategy: ("sms_code" | "admin" | "test_number") | null;
            reserved_for_second_factor: boolean;
            default_second_factor: boolean;
            /** @description The latest code verification, if any */
            verification: components["schemas"]["Verification"] | null;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             * @example 2026-12-01T17:04:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             * @example 2026-12-02T09:30:00.000Z
             */
            updated_at: string;
        };
        PhoneNumberDeleted: {
            id: string;
            /** @constant */
            deleted: true;
            was_primary: boolean;
            /** @description The user's primary after removal; never promoted silently */
            primary_phone_number_id: string | null;
        };
        PhoneNumberDeletedInput: {
            id: string;
            /** @constant */
            deleted: true;
            was_primary: boolean;
            /** @description The user's primary after removal; never promoted silently */
            primary_phone_number_id: string | null;
        };
        PhoneNumberHolder: {
            /** @example pn_01kbf2tqa0w7y6x5v4t3s2r1q0 */
            id: string;
            /** @example usr_01kbf2t1n2m3k4j5h6g7f8e9d0 */
            user_id: string;
            /**
             * @description E.164
             * @example +447400123456
             */
            phone_number: string;
            verified: boolean;
            primary: boolean;
            reserved_for_second_factor: boolean;
        };
        PhoneNumberHolderInput: {
            /** @example pn_01kbf2tqa0w7y6x5v4t3s2r1q0 */
            id: string;
            /** @example usr_01kbf2t1n2m3k4j5h6g7f8e9d0 */
            user_id: string;
            /**
             * @description E.164
             * @example +447400123456
             */
            phone_number: string;
            verified: boolean;
            primary: boolean;
            reserved_for_second_factor: boolean;
        };
        PhoneNumberHolderList: {
            /** @description The holder, or empty: at most one per tenant */
            data: components["schemas"]["PhoneNumberHolder"][];
        };
        PhoneNumberHolderListInput: {
            /** @description The holder, or empty: at most one per tenant */
            data: components["schemas"]["PhoneNumberHolderInput"][];
        };
        PhoneNumberInput: {
            /** @example pn_01kbf2tqa0w7y6x5v4t3s2r1q0 */
            id: string;
            /** @example usr_01kbf2t1n2m3k4j5h6g7f8e9d0 */
            user_id: string;
            /**
             * @description E.164
             * @example +447400123456
             */
            phone_number: string;
            /** @description ISO 3166-1 alpha-2, when known */
            region: string | null;
            number_type: string;
            primary: boolean;
            verified: boolean;
            verified_at: string | null;
            verification_strategy: ("sms_code" | "admin" | "test_number") | null;
            reserved_for_second_factor: boolean;
            default_second_factor: boolean;
            /** @description The latest code verification, if any */
            verification: components["schemas"]["VerificationInput"] | null;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             * @example 2026-12-01T17:04:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             * @example 2026-12-02T09:30:00.000Z
             */
            updated_at: string;
        };
        PhoneNumberLookup: {
            /** @description The number looked up, in E.164 */
            e164: string;
            /** @description Who holds it: at most one user per tenant; empty when nobody does */
            holders: {
                tenant_id: string;
                user_id: string;
                phone_number: components["schemas"]["PhoneNumber"];
            }[];
            /** @description Newest first, at most 20; never a code */
            verifications: components["schemas"]["LookupVerification"][];
            /** @description Newest first, at most 20, with their delivery status */
            messages: components["schemas"]["LookupMessage"][];
        };
        PhoneNumberLookupInput: {
            /** @description The number looked up, in E.164 */
            e164: string;
            /** @description Who holds it: at most one user per tenant; empty when nobody does */
            holders: {
                tenant_id: string;
                user_id: string;
                phone_number: components["schemas"]["PhoneNumberInput"];
            }[];
            /** @description Newest first, at most 20; never a code */
            verifications: components["schemas"]["LookupVerificationInput"][];
            /** @description Newest first, at most 20, with their delivery status */
            messages: components["schemas"]["LookupMessageInput"][];
        };
        Tenant: {
            /** @example acme */
            id: string;
            /** @example Acme Inc. */
            name: string;
            /** @description The configured default tenant, which cannot be deleted */
            default: boolean;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             */
            created_at: string;
        };
        TenantDetail: {
            /** @example acme */
            id: string;
            /** @example Acme Inc. */
            name: string;
            /** @description The configured default tenant, which cannot be deleted */
            default: boolean;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             */
            created_at: string;
            counts: {
                users: number;
                phone_numbers: number;
                /** @description Admin keys neither revoked nor expired */
                active_keys: number;
                /** @description User tokens neither revoked nor expired */
                active_tokens: number;
            };
        };
        TenantDetailInput: {
            /** @example acme */
            id: string;
            /** @example Acme Inc. */
            name: string;
            /** @description The configured default tenant, which cannot be deleted */
            default: boolean;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             */
            created_at: string;
            counts: {
                users: number;
                phone_numbers: number;
                /** @description Admin keys neither revoked nor expired */
                active_keys: number;
                /** @description User tokens neither revoked nor expired */
                active_tokens: number;
            };
        };
        TenantInput: {
            /** @example acme */
            id: string;
            /** @example Acme Inc. */
            name: string;
            /** @description The configured default tenant, which cannot be deleted */
            default: boolean;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             */
            created_at: string;
        };
        TenantPage: {
            data: components["schemas"]["Tenant"][];
            next_cursor: string | null;
        };
        TenantPageInput: {
            data: components["schemas"]["TenantInput"][];
            next_cursor: string | null;
        };
        TenantSettings: {
            regions: {
                /** @description Codes go only to these regions; empty: every region */
                allowed: string[];
                /** @description Codes never go to these regions */
                denied: string[];
                /** @description High-risk regions this tenant sends to */
                allow_high_risk: string[];
                /** @description The built-in high-risk regions still blocked for this tenant */
                high_risk_blocked: string[];
            };
            number_types: {
                /** @description Types refused by default that this tenant takes */
                allow: string[];
                /** @description Every number type refused for this tenant */
                refused: string[];
            };
            /** @description The budgets in force (null: that budget is off) */
            budgets: {
                user_numbers_per_day: number | null;
                user_sms_per_hour: number | null;
                ip_sms_per_hour: number | null;
                tenant_sms_per_hour: number | null;
                tenant_sms_per_day: number | null;
                tenant_spend_per_day: number | null;
                country_sms_per_hour: number | null;
                countries: {
                    [key: string]: number | null;
                };
                range_sms_per_hour: number | null;
                prefixes: {
                    prefix: string;
                    sms_per_hour: number;
                }[];
            };
        };
        TenantSettingsInput: {
            regions: {
                /** @description Codes go only to these regions; empty: every region */
                allowed: string[];
                /** @description Codes never go to these regions */
                denied: string[];
                /** @description High-risk regions this tenant sends to */
                allow_high_risk: string[];
                /** @description The built-in high-risk regions still blocked for this tenant */
                high_risk_blocked: string[];
            };
            number_types: {
                /** @description Types refused by default that this tenant takes */
                allow: string[];
                /** @description Every number type refused for this tenant */
                refused: string[];
            };
            /** @description The budgets in force (null: that budget is off) */
            budgets: {
                user_numbers_per_day: number | null;
                user_sms_per_hour: number | null;
                ip_sms_per_hour: number | null;
                tenant_sms_per_hour: number | null;
                tenant_sms_per_day: number | null;
                tenant_spend_per_day: number | null;
                country_sms_per_hour: number | null;
                countries: {
                    [key: string]: number | null;
                };
                range_sms_per_hour: number | null;
                prefixes: {
                    prefix: string;
                    sms_per_hour: number;
                }[];
            };
        };
        TenantSettingsPatch: {
            regions?: {
                /** @description Send only to these regions; empty: every region */
                allowed?: string[];
                /** @description Never send to these regions */
                denied?: string[];
                /** @description High-risk regions (blocked by default) this tenant sends to */
                allow_high_risk?: string[];
            } | null;
            number_types?: {
                /** @description Types refused by default that this tenant takes */
                allow?: ("VOIP" | "PERSONAL_NUMBER")[];
            } | null;
            /** @description Each key replaces the service's default for this tenant; null turns that budget off */
            budgets?: {
                user_numbers_per_day?: number | null;
                user_sms_per_hour?: number | null;
                ip_sms_per_hour?: number | null;
                tenant_sms_per_hour?: number | null;
                tenant_sms_per_day?: number | null;
                tenant_spend_per_day?: number | null;
                country_sms_per_hour?: number | null;
                countries?: {
                    [key: string]: number | null;
                };
                range_sms_per_hour?: number | null;
                prefixes?: {
                    prefix: string;
                    sms_per_hour: number;
                }[];
            } | null;
        };
        TenantSettingsPatchInput: {
            regions?: {
                /** @description Send only to these regions; empty: every region */
                allowed?: string[];
                /** @description Never send to these regions */
                denied?: string[];
                /** @description High-risk regions (blocked by default) this tenant sends to */
                allow_high_risk?: string[];
            } | null;
            number_types?: {
                /** @description Types refused by default that this tenant takes */
                allow?: ("VOIP" | "PERSONAL_NUMBER")[];
            } | null;
            /** @description Each key replaces the service's default for this tenant; null turns that budget off */
            budgets?: {
                user_numbers_per_day?: number | null;
                user_sms_per_hour?: number | null;
                ip_sms_per_hour?: number | null;
                tenant_sms_per_hour?: number | null;
                tenant_sms_per_day?: number | null;
                tenant_spend_per_day?: number | null;
                country_sms_per_hour?: number | null;
                countries?: {
                    [key: string]: number | null;
                };
                range_sms_per_hour?: number | null;
                prefixes?: {
                    prefix: string;
                    sms_per_hour: number;
                }[];
            } | null;
        };
        User: {
            /** @example usr_01kbf2t1n2m3k4j5h6g7f8e9d0 */
            id: string;
            /** @example customer-4711 */
            external_id: string | null;
            primary_phone_number_id: string | null;
            phone_numbers: components["schemas"]["PhoneNumber"][];
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             * @example 2026-12-01T17:04:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             * @example 2026-12-02T09:30:00.000Z
             */
            updated_at: string;
        };
        UserInput: {
            /** @example usr_01kbf2t1n2m3k4j5h6g7f8e9d0 */
            id: string;
            /** @example customer-4711 */
            external_id: string | null;
            primary_phone_number_id: string | null;
            phone_numbers: components["schemas"]["PhoneNumberInput"][];
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             * @example 2026-12-01T17:04:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             * @example 2026-12-02T09:30:00.000Z
             */
            updated_at: string;
        };
        UserPage: {
            data: components["schemas"]["User"][];
            next_cursor: string | null;
        };
        UserPageInput: {
            data: components["schemas"]["UserInput"][];
            next_cursor: string | null;
        };
        Verification: {
            /** @example vf_01kbf2v6x1q9m8z3c4d5e6f7g8 */
            id: string;
            /** @description Null for a verification of a bare number (`POST /v1/verifications`) not attached yet */
            phone_number_id: string | null;
            /** @enum {string} */
            status: "pending" | "verified" | "expired" | "failed" | "canceled";
            /** @enum {string} */
            strategy: "sms_code" | "test_number";
            /** @example 1 */
            attempts_used: number;
            /** @example 4 */
            attempts_left: number;
            /** @example 5 */
            max_attempts: number;
            /** @example 1 */
            sends_used: number;
            /** @example 2 */
            sends_left: number;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             * @example 2026-12-02T09:40:00.000Z
             */
            expires_at: string;
            /** @description When asking again sends a code; null once ended */
            resend_available_at: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             * @example 2026-12-02T09:30:00.000Z
             */
            created_at: string;
        };
        VerificationInput: {
            /** @example vf_01kbf2v6x1q9m8z3c4d5e6f7g8 */
            id: string;
            /** @description Null for a verification of a bare number (`POST /v1/verifications`) not attached yet */
            phone_number_id: string | null;
            /** @enum {string} */
            status: "pending" | "verified" | "expired" | "failed" | "canceled";
            /** @enum {string} */
            strategy: "sms_code" | "test_number";
            /** @example 1 */
            attempts_used: number;
            /** @example 4 */
            attempts_left: number;
            /** @example 5 */
            max_attempts: number;
            /** @example 1 */
            sends_used: number;
            /** @example 2 */
            sends_left: number;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             * @example 2026-12-02T09:40:00.000Z
             */
            expires_at: string;
            /** @description When asking again sends a code; null once ended */
            resend_available_at: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             * @example 2026-12-02T09:30:00.000Z
             */
            created_at: string;
        };
        VerifyService: {
            /** @example vsv_01kbf2v8q7r6s5t4v3w2x1y0z9 */
            id: string;
            tenant_id: string;
            /** @description The app name its SMS say (the `{app}` of the text) */
            friendly_name: string;
            /** @description Digits of its codes; null: the tenant's configured length */
            code_length: number | null;
            /** @description Whether `POST /v1/verifications` may give the code (`custom_code`) for its verifications */
            custom_code_enabled: boolean;
            /** @description Twilio's settings, kept as its surface set them; they change nothing in Handset */
            twilio: {
                lookup_enabled: boolean;
                psd2_enabled: boolean;
                dtmf_input_required: boolean;
                do_not_share_warning_enabled: boolean;
                verify_event_subscription_enabled: boolean;
                tts_name: string | null;
                default_template_sid: string | null;
            };
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             */
            created_at: string;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             */
            updated_at: string;
        };
        VerifyServiceDeleted: {
            id: string;
            /** @constant */
            deleted: true;
            /** @description Its open verifications, canceled with it */
            canceled_verifications: number;
        };
        VerifyServiceDeletedInput: {
            id: string;
            /** @constant */
            deleted: true;
            /** @description Its open verifications, canceled with it */
            canceled_verifications: number;
        };
        VerifyServiceInput: {
            /** @example vsv_01kbf2v8q7r6s5t4v3w2x1y0z9 */
            id: string;
            tenant_id: string;
            /** @description The app name its SMS say (the `{app}` of the text) */
            friendly_name: string;
            /** @description Digits of its codes; null: the tenant's configured length */
            code_length: number | null;
            /** @description Whether `POST /v1/verifications` may give the code (`custom_code`) for its verifications */
            custom_code_enabled: boolean;
            /** @description Twilio's settings, kept as its surface set them; they change nothing in Handset */
            twilio: {
                lookup_enabled: boolean;
                psd2_enabled: boolean;
                dtmf_input_required: boolean;
                do_not_share_warning_enabled: boolean;
                verify_event_subscription_enabled: boolean;
                tts_name: string | null;
                default_template_sid: string | null;
            };
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             */
            created_at: string;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             */
            updated_at: string;
        };
        VerifyServicePage: {
            data: components["schemas"]["VerifyService"][];
            next_cursor: string | null;
        };
        VerifyServicePageInput: {
            data: components["schemas"]["VerifyServiceInput"][];
            next_cursor: string | null;
        };
        WebhookDelivery: {
            /** @example whd_0f3a9c2b7d4e1f6a8b9c0d1e2f */
            id: string;
            endpoint_id: string;
            /** @description Also the `webhook-id` header: the same on every retry and replay */
            event_id: string;
            event_type: string;
            /** @enum {string} */
            status: "pending" | "sending" | "succeeded" | "failed";
            attempts: number;
            next_attempt_at: string | null;
            last_status_code: number | null;
            last_error: string | null;
            last_attempt_at: string | null;
            succeeded_at: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             */
            created_at: string;
        };
        WebhookDeliveryDetail: {
            /** @example whd_0f3a9c2b7d4e1f6a8b9c0d1e2f */
            id: string;
            endpoint_id: string;
            /** @description Also the `webhook-id` header: the same on every retry and replay */
            event_id: string;
            event_type: string;
            /** @enum {string} */
            status: "pending" | "sending" | "succeeded" | "failed";
            attempts: number;
            next_attempt_at: string | null;
            last_status_code: number | null;
            last_error: string | null;
            last_attempt_at: string | null;
            succeeded_at: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             */
            created_at: string;
            attempt_log: {
                attempt: number;
                /**
                 * Format: date-time
                 * @description RFC 3339 time, UTC
                 */
                started_at: string;
                duration_ms: number;
                status_code: number | null;
                error: string | null;
                /** @enum {string} */
                outcome: "succeeded" | "retry" | "failed";
                next_attempt_at: string | null;
            }[];
        };
        WebhookDeliveryDetailInput: {
            /** @example whd_0f3a9c2b7d4e1f6a8b9c0d1e2f */
            id: string;
            endpoint_id: string;
            /** @description Also the `webhook-id` header: the same on every retry and replay */
            event_id: string;
            event_type: string;
            /** @enum {string} */
            status: "pending" | "sending" | "succeeded" | "failed";
            attempts: number;
            next_attempt_at: string | null;
            last_status_code: number | null;
            last_error: string | null;
            last_attempt_at: string | null;
            succeeded_at: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             */
            created_at: string;
            attempt_log: {
                attempt: number;
                /**
                 * Format: date-time
                 * @description RFC 3339 time, UTC
                 */
                started_at: string;
                duration_ms: number;
                status_code: number | null;
                error: string | null;
                /** @enum {string} */
                outcome: "succeeded" | "retry" | "failed";
                next_attempt_at: string | null;
            }[];
        };
        WebhookDeliveryInput: {
            /** @example whd_0f3a9c2b7d4e1f6a8b9c0d1e2f */
            id: string;
            endpoint_id: string;
            /** @description Also the `webhook-id` header: the same on every retry and replay */
            event_id: string;
            event_type: string;
            /** @enum {string} */
            status: "pending" | "sending" | "succeeded" | "failed";
            attempts: number;
            next_attempt_at: string | null;
            last_status_code: number | null;
            last_error: string | null;
            last_attempt_at: string | null;
            succeeded_at: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             */
            created_at: string;
        };
        WebhookDeliveryPage: {
            data: components["schemas"]["WebhookDelivery"][];
            next_cursor: string | null;
        };
        WebhookDeliveryPageInput: {
            data: components["schemas"]["WebhookDeliveryInput"][];
            next_cursor: string | null;
        };
        WebhookEndpoint: {
            /** @example whep_01jdz8m3k9q4r6s7t8v9w0x1y2 */
            id: string;
            tenant_id: string;
            /** @example https://app.example.com/hooks/handset */
            url: string;
            description: string;
            /** @description Public event types, or ["*"] for all: *, user.created, user.deleted, phone_number.added, phone_number.updated, phone_number.verified, phone_number.deleted, phone_number.add_refused, phone_number.locked, phone_number.unlocked, verification.code_sent, verification.failed, verification.approved, verification.canceled, sms.sent, sms.delivered, sms.failed, budget.exceeded, guard.destination_paused, guard.destination_pause_lifted, guard.destination_refused, guard.phone_number_locked, tenant.settings_changed, webhook_endpoint.disabled */
            event_types: string[];
            enabled: boolean;
            disabled_reason: string | null;
            disabled_at: string | null;
            /** @description Since when every attempt failed; null once one succeeds */
            failing_since: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             */
            created_at: string;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             */
            updated_at: string;
        };
        WebhookEndpointDeleted: {
            id: string;
            /** @constant */
            deleted: true;
        };
        WebhookEndpointDeletedInput: {
            id: string;
            /** @constant */
            deleted: true;
        };
        WebhookEndpointInput: {
            /** @example whep_01jdz8m3k9q4r6s7t8v9w0x1y2 */
            id: string;
            tenant_id: string;
            /** @example https://app.example.com/hooks/handset */
            url: string;
            description: string;
            /** @description Public event types, or ["*"] for all: *, user.created, user.deleted, phone_number.added, phone_number.updated, phone_number.verified, phone_number.deleted, phone_number.add_refused, phone_number.locked, phone_number.unlocked, verification.code_sent, verification.failed, verification.approved, verification.canceled, sms.sent, sms.delivered, sms.failed, budget.exceeded, guard.destination_paused, guard.destination_pause_lifted, guard.destination_refused, guard.phone_number_locked, tenant.settings_changed, webhook_endpoint.disabled */
            event_types: string[];
            enabled: boolean;
            disabled_reason: string | null;
            disabled_at: string | null;
            /** @description Since when every attempt failed; null once one succeeds */
            failing_since: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             */
            created_at: string;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             */
            updated_at: string;
        };
        WebhookEndpointPage: {
            data: components["schemas"]["WebhookEndpoint"][];
            next_cursor: string | null;
        };
        WebhookEndpointPageInput: {
            data: components["schemas"]["WebhookEndpointInput"][];
            next_cursor: string | null;
        };
        WebhookEndpointWithSecret: {
            /** @example whep_01jdz8m3k9q4r6s7t8v9w0x1y2 */
            id: string;
            tenant_id: string;
            /** @example https://app.example.com/hooks/handset */
            url: string;
            description: string;
            /** @description Public event types, or ["*"] for all: *, user.created, user.deleted, phone_number.added, phone_number.updated, phone_number.verified, phone_number.deleted, phone_number.add_refused, phone_number.locked, phone_number.unlocked, verification.code_sent, verification.failed, verification.approved, verification.canceled, sms.sent, sms.delivered, sms.failed, budget.exceeded, guard.destination_paused, guard.destination_pause_lifted, guard.destination_refused, guard.phone_number_locked, tenant.settings_changed, webhook_endpoint.disabled */
            event_types: string[];
            enabled: boolean;
            disabled_reason: string | null;
            disabled_at: string | null;
            /** @description Since when every attempt failed; null once one succeeds */
            failing_since: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             */
            created_at: string;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             */
            updated_at: string;
            /** @description `whsec_...`, shown this once: verify each webhook's signature with it */
            secret: string;
        };
        WebhookEndpointWithSecretInput: {
            /** @example whep_01jdz8m3k9q4r6s7t8v9w0x1y2 */
            id: string;
            tenant_id: string;
            /** @example https://app.example.com/hooks/handset */
            url: string;
            description: string;
            /** @description Public event types, or ["*"] for all: *, user.created, user.deleted, phone_number.added, phone_number.updated, phone_number.verified, phone_number.deleted, phone_number.add_refused, phone_number.locked, phone_number.unlocked, verification.code_sent, verification.failed, verification.approved, verification.canceled, sms.sent, sms.delivered, sms.failed, budget.exceeded, guard.destination_paused, guard.destination_pause_lifted, guard.destination_refused, guard.phone_number_locked, tenant.settings_changed, webhook_endpoint.disabled */
            event_types: string[];
            enabled: boolean;
            disabled_reason: string | null;
            disabled_at: string | null;
            /** @description Since when every attempt failed; null once one succeeds */
            failing_since: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             */
            created_at: string;
            /**
             * Format: date-time
             * @description RFC 3339 time, UTC
             */
            updated_at: string;
            /** @description `whsec_...`, shown this once: verify each webhook's signature with it */
            secret: string;
        };
    };
    responses: never;
    parameters: {
        /**
         * @description Makes the POST safe to retry: the same key with the same request within 24 hours answers the first answer again (with `Idempotent-Replayed: true`) without doing the work twice. The same key with another request answers 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS` with `Retry-After`. Answers that carry a secret are not kept: their replay answers 409 `IDEMPOTENCY_ANSWER_WITHHELD`. Keys are per tenant (and per user for user tokens).
         * @example 5f0c7a9e-3b1d-4c1e-9a57-2f6c1d8e4b10
         */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listUsers: {
        parameters: {
            query?: {
                limit?: number;
                /** @description `next_cursor` of the previous page */
                after?: string;
                /** @description Only the user holding this number (E.164) */
                phone_number?: string;
                /** @description true: users with at least one verified number; false: users with none */
                verified?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request within 24 hours answers the first answer again (with `Idempotent-Replayed: true`) without doing the work twice. The same key with another request answers 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS` with `Retry-After`. Answers that carry a secret are not kept: their replay answers 409 `IDEMPOTENCY_ANSWER_WITHHELD`. Keys are per tenant (and per user for user tokens).
                 * @example 5f0c7a9e-3b1d-4c1e-9a57-2f6c1d8e4b10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Your own id for the user; generated when absent */
                    id?: string;
                    external_id?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A user with this id exists: `USER_ALREADY_EXISTS` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {boolean} */
                        deleted: true;
                        /** @example 1 */
                        removed_phone_numbers: number;
                    };
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listUserPhoneNumbers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["PhoneNumber"][];
                    };
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMyUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMyPhoneNumbers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["PhoneNumber"][];
                    };
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addMyPhoneNumber: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request within 24 hours answers the first answer again (with `Idempotent-Replayed: true`) without doing the work twice. The same key with another request answers 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS` with `Retry-After`. Answers that carry a secret are not kept: their replay answers 409 `IDEMPOTENCY_ANSWER_WITHHELD`. Keys are per tenant (and per user for user tokens).
                 * @example 5f0c7a9e-3b1d-4c1e-9a57-2f6c1d8e4b10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description E.164, or national with `region` */
                    phone_number: string;
                    /** @description ISO region for a national number */
                    region?: string;
                    primary?: boolean;
                };
            };
        };
        responses: {
            /** @description Added */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneNumber"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    findPhoneNumber: {
        parameters: {
            query?: {
                /** @description Required: E.164 (`%2B` for `+` in a URL), or national with `region` */
                phone_number?: string;
                /** @description ISO region for a national number */
                region?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneNumberHolderList"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addPhoneNumber: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request within 24 hours answers the first answer again (with `Idempotent-Replayed: true`) without doing the work twice. The same key with another request answers 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS` with `Retry-After`. Answers that carry a secret are not kept: their replay answers 409 `IDEMPOTENCY_ANSWER_WITHHELD`. Keys are per tenant (and per user for user tokens).
                 * @example 5f0c7a9e-3b1d-4c1e-9a57-2f6c1d8e4b10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description E.164, or national with `region`; may be left out with `verification_id` */
                    phone_number?: string;
                    /** @description ISO region for a national number */
                    region?: string;
                    primary?: boolean;
                    user_id: string;
                    /** @description Mark verified without a code (strategy `admin`) */
                    verified?: boolean;
                    reserved_for_second_factor?: boolean;
                    /** @description An approved verification of a bare number (`POST /v1/verifications`) to attach: the number arrives verified with its strategy; once, within `attachable_until` */
                    verification_id?: string;
                };
            };
        };
        responses: {
            /** @description Added */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneNumber"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPhoneNumber: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                phone_number_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneNumber"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such phone number: `PHONE_NUMBER_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deletePhoneNumber: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                phone_number_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneNumberDeleted"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such phone number: `PHONE_NUMBER_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updatePhoneNumber: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                phone_number_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    primary?: boolean;
                    reserved_for_second_factor?: boolean;
                    default_second_factor?: boolean;
                    verified?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneNumber"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such phone number: `PHONE_NUMBER_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    sendVerificationCode: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request within 24 hours answers the first answer again (with `Idempotent-Replayed: true`) without doing the work twice. The same key with another request answers 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS` with `Retry-After`. Answers that carry a secret are not kept: their replay answers 409 `IDEMPOTENCY_ANSWER_WITHHELD`. Keys are per tenant (and per user for user tokens).
                 * @example 5f0c7a9e-3b1d-4c1e-9a57-2f6c1d8e4b10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                phone_number_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    locale?: string;
                };
            };
        };
        responses: {
            /** @description Code sent (queued for delivery), or a test number's code set */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CodeSent"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such phone number: `PHONE_NUMBER_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    verifyPhoneNumber: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request within 24 hours answers the first answer again (with `Idempotent-Replayed: true`) without doing the work twice. The same key with another request answers 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS` with `Retry-After`. Answers that carry a secret are not kept: their replay answers 409 `IDEMPOTENCY_ANSWER_WITHHELD`. Keys are per tenant (and per user for user tokens).
                 * @example 5f0c7a9e-3b1d-4c1e-9a57-2f6c1d8e4b10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                phone_number_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description Verified */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CodeVerified"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such phone number: `PHONE_NUMBER_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMyPhoneNumber: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                phone_number_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneNumber"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such phone number: `PHONE_NUMBER_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteMyPhoneNumber: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                phone_number_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneNumberDeleted"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such phone number: `PHONE_NUMBER_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateMyPhoneNumber: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                phone_number_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    primary?: boolean;
                    reserved_for_second_factor?: boolean;
                    default_second_factor?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneNumber"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such phone number: `PHONE_NUMBER_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    sendMyVerificationCode: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request within 24 hours answers the first answer again (with `Idempotent-Replayed: true`) without doing the work twice. The same key with another request answers 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS` with `Retry-After`. Answers that carry a secret are not kept: their replay answers 409 `IDEMPOTENCY_ANSWER_WITHHELD`. Keys are per tenant (and per user for user tokens).
                 * @example 5f0c7a9e-3b1d-4c1e-9a57-2f6c1d8e4b10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                phone_number_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    locale?: string;
                };
            };
        };
        responses: {
            /** @description Code sent (queued for delivery), or a test number's code set */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CodeSent"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such phone number: `PHONE_NUMBER_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    verifyMyPhoneNumber: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request within 24 hours answers the first answer again (with `Idempotent-Replayed: true`) without doing the work twice. The same key with another request answers 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS` with `Retry-After`. Answers that carry a secret are not kept: their replay answers 409 `IDEMPOTENCY_ANSWER_WITHHELD`. Keys are per tenant (and per user for user tokens).
                 * @example 5f0c7a9e-3b1d-4c1e-9a57-2f6c1d8e4b10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                phone_number_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description Verified */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CodeVerified"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such phone number: `PHONE_NUMBER_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getGuessLock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                phone_number_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GuessLock"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    clearGuessLock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                phone_number_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GuessLockCleared"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMyGuessLock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                phone_number_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GuessLock"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                message_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such message: `MESSAGE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPhoneNumberMessages: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                phone_number_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageList"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMyMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                message_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such message: `MESSAGE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMyPhoneNumberMessages: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                phone_number_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageList"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantSettings"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TenantSettingsPatchInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantSettings"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listDestinationPauses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DestinationPause"][];
                    };
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteDestinationPause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The pause's scope, e.g. `country:NG` */
                scope: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DestinationPause"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listCredentials: {
        parameters: {
            query?: {
                kind?: "admin_key" | "user_token";
                /** @description Only this user's tokens */
                user_id?: string;
                /** @description List revoked credentials too */
                include_revoked?: "true" | "false";
                limit?: number;
                /** @description `next_cursor` of the previous page */
                after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialPage"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createCredential: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request within 24 hours answers the first answer again (with `Idempotent-Replayed: true`) without doing the work twice. The same key with another request answers 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS` with `Retry-After`. Answers that carry a secret are not kept: their replay answers 409 `IDEMPOTENCY_ANSWER_WITHHELD`. Keys are per tenant (and per user for user tokens).
                 * @example 5f0c7a9e-3b1d-4c1e-9a57-2f6c1d8e4b10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description `admin_key` (`hsk_…`): acts for the whole tenant on the admin routes. `user_token` (`hst_…`): acts for one user on `/v1/me` and the vendor surfaces' own-phone operations
                     * @enum {string}
                     */
                    kind: "admin_key" | "user_token";
                    /** @description A label to tell credentials apart */
                    name?: string;
                    /** @description Default: the kind's default set, narrowed to the scopes the calling key holds. A user token holds only `phone:read`, `phone:write`, `phone:verify` */
                    scopes?: ("users:read" | "users:write" | "phone:read" | "phone:write" | "phone:verify" | "keys:read" | "keys:write" | "events:read" | "webhooks:read" | "webhooks:write" | "codes:return" | "tenants:manage")[];
                    /** @description Required for a user token, refused for an admin key: 1 to 64 letters, digits, `_` or `-` */
                    user_id?: string;
                    /**
                     * Format: date-time
                     * @description Default: never
                     */
                    expires_at?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedCredential"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCredential: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Credential"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeCredential: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request within 24 hours answers the first answer again (with `Idempotent-Replayed: true`) without doing the work twice. The same key with another request answers 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS` with `Retry-After`. Answers that carry a secret are not kept: their replay answers 409 `IDEMPOTENCY_ANSWER_WITHHELD`. Keys are per tenant (and per user for user tokens).
                 * @example 5f0c7a9e-3b1d-4c1e-9a57-2f6c1d8e4b10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Credential"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: {
                limit?: number;
                /** @description `next_cursor` of the previous page */
                after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointPage"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request within 24 hours answers the first answer again (with `Idempotent-Replayed: true`) without doing the work twice. The same key with another request answers 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS` with `Retry-After`. Answers that carry a secret are not kept: their replay answers 409 `IDEMPOTENCY_ANSWER_WITHHELD`. Keys are per tenant (and per user for user tokens).
                 * @example 5f0c7a9e-3b1d-4c1e-9a57-2f6c1d8e4b10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url: string;
                    event_types: string[];
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointDeleted"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url?: string;
                    event_types?: string[];
                    description?: string;
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request within 24 hours answers the first answer again (with `Idempotent-Replayed: true`) without doing the work twice. The same key with another request answers 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS` with `Retry-After`. Answers that carry a secret are not kept: their replay answers 409 `IDEMPOTENCY_ANSWER_WITHHELD`. Keys are per tenant (and per user for user tokens).
                 * @example 5f0c7a9e-3b1d-4c1e-9a57-2f6c1d8e4b10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                status?: "pending" | "sending" | "succeeded" | "failed";
                limit?: number;
                /** @description `next_cursor` of the previous page */
                after?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPage"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryDetail"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replayWebhookDelivery: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request within 24 hours answers the first answer again (with `Idempotent-Replayed: true`) without doing the work twice. The same key with another request answers 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS` with `Retry-After`. Answers that carry a secret are not kept: their replay answers 409 `IDEMPOTENCY_ANSWER_WITHHELD`. Keys are per tenant (and per user for user tokens).
                 * @example 5f0c7a9e-3b1d-4c1e-9a57-2f6c1d8e4b10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTenants: {
        parameters: {
            query?: {
                limit?: number;
                /** @description `next_cursor` of the previous page */
                after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantPage"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createTenant: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request within 24 hours answers the first answer again (with `Idempotent-Replayed: true`) without doing the work twice. The same key with another request answers 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS` with `Retry-After`. Answers that carry a secret are not kept: their replay answers 409 `IDEMPOTENCY_ANSWER_WITHHELD`. Keys are per tenant (and per user for user tokens).
                 * @example 5f0c7a9e-3b1d-4c1e-9a57-2f6c1d8e4b10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    id: string;
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantDetail"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTenant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantDetail"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteTenant: {
        parameters: {
            query?: {
                /** @description The tenant's id again: without it nothing is deleted */
                confirm?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantDetail"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    lookupPhoneNumber: {
        parameters: {
            query?: {
                /** @description Required: E.164 (+33612345678), or national with `region` */
                phone_number?: string;
                /** @description ISO region for a national number */
                region?: string;
                /** @description Search every tenant: needs the tenants:manage scope */
                all_tenants?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneNumberLookup"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMessages: {
        parameters: {
            query?: {
                /** @description One or more of queued, pending, sending, sent, delivered, undelivered, failed, comma-separated: failed,undelivered lists the delivery failures */
                status?: string;
                /** @description Created at or after this time */
                since?: string;
                /** @description Created before this time */
                until?: string;
                limit?: number;
                /** @description `next_cursor` of the previous page */
                after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePage"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description Only this user's events */
                user_id?: string;
                /** @description An event type (phone_number.verified), or a prefix ending in '.' (phone_number.) */
                type?: string;
                /** @description Recorded at or after this time */
                since?: string;
                /** @description Recorded before this time */
                until?: string;
                limit?: number;
                /** @description `next_cursor` of the previous page */
                after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPage"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    startVerification: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request within 24 hours answers the first answer again (with `Idempotent-Replayed: true`) without doing the work twice. The same key with another request answers 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS` with `Retry-After`. Answers that carry a secret are not kept: their replay answers 409 `IDEMPOTENCY_ANSWER_WITHHELD`. Keys are per tenant (and per user for user tokens).
                 * @example 5f0c7a9e-3b1d-4c1e-9a57-2f6c1d8e4b10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description E.164, or national with `region`
                     * @example +447400123456
                     */
                    to: string;
                    /**
                     * @description ISO region for a national number
                     * @example GB
                     */
                    region?: string;
                    /**
                     * @description The SMS's language (BCP 47); else Accept-Language, else the default
                     * @example fr
                     */
                    locale?: string;
                    /**
                     * @description The end user's IP address, for the per-IP budget (as `Handset-Client-IP`)
                     * @example 203.0.113.7
                     */
                    client_ip?: string;
                    /** @description A verify service (`/v1/verify-services`); absent: the tenant's default service */
                    service_id?: string;
                    /** @description The app name this SMS says (its `{app}`), over the service's and the tenant's; 1 to 30 characters */
                    app_name?: string;
                    /** @description Android SMS Retriever app hash (11 base64 characters) to end this SMS with, over the tenant's */
                    app_hash?: string;
                    /** @description The code to send (6 to 10 digits), for a service with `custom_code_enabled`; kept sealed, never in clear */
                    custom_code?: string;
                };
            };
        };
        responses: {
            /** @description Code sent (queued for delivery), or a test number's code set */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BareCodeSent"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    checkVerification: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request within 24 hours answers the first answer again (with `Idempotent-Replayed: true`) without doing the work twice. The same key with another request answers 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS` with `Retry-After`. Answers that carry a secret are not kept: their replay answers 409 `IDEMPOTENCY_ANSWER_WITHHELD`. Keys are per tenant (and per user for user tokens).
                 * @example 5f0c7a9e-3b1d-4c1e-9a57-2f6c1d8e4b10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The number: its open verification is checked
                     * @example +447400123456
                     */
                    to?: string;
                    /**
                     * @description ISO region for a national number
                     * @example GB
                     */
                    region?: string;
                    /**
                     * @description Or the verification's id
                     * @example vf_01kbf2v6x1q9m8z3c4d5e6f7g8
                     */
                    verification_id?: string;
                    /** @example 123456 */
                    code: string;
                    /** @description The verify service to check in: with `to`, its open verification; with `verification_id`, only one of it */
                    service_id?: string;
                };
            };
        };
        responses: {
            /** @description Approved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BareVerification"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getVerification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                verification_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BareVerification"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such verification in this tenant: `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    cancelVerification: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request within 24 hours answers the first answer again (with `Idempotent-Replayed: true`) without doing the work twice. The same key with another request answers 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS` with `Retry-After`. Answers that carry a secret are not kept: their replay answers 409 `IDEMPOTENCY_ANSWER_WITHHELD`. Keys are per tenant (and per user for user tokens).
                 * @example 5f0c7a9e-3b1d-4c1e-9a57-2f6c1d8e4b10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                verification_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Canceled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BareVerification"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such verification in this tenant: `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    approveVerification: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request within 24 hours answers the first answer again (with `Idempotent-Replayed: true`) without doing the work twice. The same key with another request answers 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS` with `Retry-After`. Answers that carry a secret are not kept: their replay answers 409 `IDEMPOTENCY_ANSWER_WITHHELD`. Keys are per tenant (and per user for user tokens).
                 * @example 5f0c7a9e-3b1d-4c1e-9a57-2f6c1d8e4b10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                verification_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Approved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BareVerification"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such verification in this tenant: `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listVerifyServices: {
        parameters: {
            query?: {
                limit?: number;
                /** @description `next_cursor` of the previous page */
                after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifyServicePage"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createVerifyService: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request within 24 hours answers the first answer again (with `Idempotent-Replayed: true`) without doing the work twice. The same key with another request answers 422 `IDEMPOTENCY_KEY_REUSED`; while the first request runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS` with `Retry-After`. Answers that carry a secret are not kept: their replay answers 409 `IDEMPOTENCY_ANSWER_WITHHELD`. Keys are per tenant (and per user for user tokens).
                 * @example 5f0c7a9e-3b1d-4c1e-9a57-2f6c1d8e4b10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description 1 to 30 printable characters on one line
                     * @example Acme Shop
                     */
                    friendly_name: string;
                    /** @description 6 to 10; absent or null: the tenant's length */
                    code_length?: number | null;
                    /** @description Let the application choose its verifications' codes (sealed at rest); default false */
                    custom_code_enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifyService"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: `ROUTE_NOT_FOUND`, `TENANT_NOT_FOUND`, `USER_NOT_FOUND`, `PHONE_NUMBER_NOT_FOUND`, `MESSAGE_NOT_FOUND`, `DESTINATION_PAUSE_NOT_FOUND`, `CREDENTIAL_NOT_FOUND`, `WEBHOOK_ENDPOINT_NOT_FOUND`, `WEBHOOK_DELIVERY_NOT_FOUND`, `VERIFY_SERVICE_NOT_FOUND`, `VERIFICATION_ID_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getVerifyService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                service_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifyService"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such verify service in this tenant: `VERIFY_SERVICE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteVerifyService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                service_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifyServiceDeleted"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such verify service in this tenant: `VERIFY_SERVICE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateVerifyService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                service_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example Acme Shop */
                    friendly_name?: string;
                    /** @description null: back to the tenant's length */
                    code_length?: number | null;
                    custom_code_enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifyService"];
                };
            };
            /** @description Bad request: `INVALID_REQUEST`, `MALFORMED_JSON` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or not a valid one: `UNAUTHENTICATED`, `CREDENTIAL_EXPIRED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope: `INSUFFICIENT_SCOPE` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such verify service in this tenant: `VERIFY_SERVICE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state: `USER_ALREADY_EXISTS`, `TENANT_ALREADY_EXISTS`, `CONFIRMATION_REQUIRED`, `PHONE_NUMBER_TAKEN`, `PHONE_NUMBER_NOT_VERIFIED`, `PHONE_NUMBER_NOT_RESERVED`, `PHONE_NUMBER_ALREADY_VERIFIED`, `PHONE_NUMBER_LAST_IDENTIFICATION`, `DEFAULT_SECOND_FACTOR_REQUIRED`, `PROFILE_PHONE_ALREADY_VERIFIED`, `PROFILE_PHONE_UNCHANGED`, `VERIFICATION_NOT_FOUND`, `CODE_ALREADY_USED`, `IDEMPOTENCY_KEY_IN_PROGRESS`, `IDEMPOTENCY_ANSWER_WITHHELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: `PAYLOAD_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not JSON: `UNSUPPORTED_MEDIA_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused input: `PHONE_NUMBER_NOT_A_NUMBER`, `PHONE_NUMBER_TOO_LONG`, `PHONE_NUMBER_REGION_INVALID`, `PHONE_NUMBER_NOT_POSSIBLE`, `PHONE_NUMBER_NOT_VALID`, `PHONE_NUMBER_TYPE_NOT_ALLOWED`, `PHONE_NUMBER_COUNTRY_NOT_ALLOWED`, `PHONE_NUMBER_UNAVAILABLE`, `CODE_INVALID`, `CODE_EXPIRED`, `CODE_ATTEMPTS_EXHAUSTED`, `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many: a limit or budget refused it: `NUMBER_GUESS_BUDGET_EXHAUSTED`, `RESEND_COOLDOWN`, `SEND_LIMIT_REACHED`, `BUDGET_EXCEEDED`, `DESTINATION_PAUSED`, `PHONE_NUMBER_LOCKED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable for now; retry: `SERVICE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
