import type { VerifyServiceSettings } from "../../domain/verify-service.js";
import type { VerifyServiceView } from "../../services/verify-services.js";
import { twilioTime } from "./present.js";
import { accountSidOf, toServiceSid } from "./sids.js";

/** What Twilio's Service resource says of a service, whichever kind. */
interface ServiceFacts {
  tenantId: string;
  serviceId: string;
  friendlyName: string;
  codeLength: number;
  settings: VerifyServiceSettings;
  createdAt: number | null;
  updatedAt: number | null;
}

/** Twilio's Service resource (verify.v2.service), every field its schema has. */
function presentServiceFacts(facts: ServiceFacts, baseUrl: string) {
  const sid = toServiceSid(facts.tenantId, facts.serviceId);
  const url = `${baseUrl}/v2/Services/${sid}`;
  const { settings } = facts;
  return {
    sid,
    account_sid: accountSidOf(facts.tenantId),
    friendly_name: facts.friendlyName,
    code_length: facts.codeLength,
    lookup_enabled: settings.lookupEnabled,
    psd2_enabled: settings.psd2Enabled,
    // Handset never texts a fixed line (a toll-fraud target), whatever was asked.
    skip_sms_to_landlines: true,
    dtmf_input_required: settings.dtmfInputRequired,
    tts_name: settings.ttsName,
    do_not_share_warning_enabled: settings.doNotShareWarningEnabled,
    custom_code_enabled: settings.customCodeEnabled,
    push: null,
    totp: null,
    default_template_sid: settings.defaultTemplateSid,
    whatsapp: null,
    passkeys: null,
    verify_event_subscription_enabled: settings.verifyEventSubscriptionEnabled,
    date_created: facts.createdAt === null ? null : twilioTime(facts.createdAt),
    date_updated: facts.updatedAt === null ? null : twilioTime(facts.updatedAt),
    url,
    links: {
      verifications: `${url}/Verifications`,
      verification_checks: `${url}/VerificationCheck`,
    },
  };
}

export type TwilioService = ReturnType<typeof presentServiceFacts>;

/** A service created through this surface (or any other way into `verify_services`). */
export function presentService(view: VerifyServiceView, tenantCodeLength: number, baseUrl: string) {
  return presentServiceFacts(
    {
      tenantId: view.tenantId,
      serviceId: view.id,
      friendlyName: view.friendlyName,
      codeLength: view.settings.codeLength ?? tenantCodeLength,
      settings: view.settings,
      createdAt: view.createdAt,
      updatedAt: view.updatedAt,
    },
    baseUrl,
  );
}

/** The tenant's default service: its own settings, which have no creation time of their own. */
export function presentDefaultService(
  tenant: { tenantId: string; appName: string; codeLength: number },
  baseUrl: string,
) {
  return presentServiceFacts(
    {
      tenantId: tenant.tenantId,
      serviceId: "",
      friendlyName: tenant.appName,
      codeLength: tenant.codeLength,
      settings: {
        codeLength: tenant.codeLength,
        customCodeEnabled: false,
        lookupEnabled: false,
        dtmfInputRequired: false,
        psd2Enabled: false,
        // Handset's built-in texts all end with a do-not-share sentence.
        doNotShareWarningEnabled: true,
        verifyEventSubscriptionEnabled: false,
        ttsName: null,
        defaultTemplateSid: null,
      },
      createdAt: null,
      updatedAt: null,
    },
    baseUrl,
  );
}
