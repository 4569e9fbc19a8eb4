import type { FastifyInstance } from "fastify";
import { isHandsetError } from "../../domain/errors.js";
import type { Handset } from "../../services/handset.js";
import { SettingsPage } from "./pages/settings.js";
import { rememberSession, seeOther, sendHtml } from "./reply.js";
import { checkCsrf, requireScope, signedIn } from "./session.js";
import { settingsPatchOfForm } from "./settings-form.js";

/** The tenant's settings: shown with users:read, changed with users:write (as the settings API). */
export function registerSettingsRoutes(app: FastifyInstance, handset: Handset): void {
  app.get("/settings", { schema: { hide: true } }, async (request, reply) => {
    const signed = await signedIn(handset.consoleSessions, request);
    const session = rememberSession(request, signed);
    requireScope(signed.caller, "users:read");
    const settings = await handset.settings.get(signed.caller);
    const savedParam = (request.query as Record<string, unknown>).saved;
    const saved =
      typeof savedParam === "string" ? savedParam.split(",").filter((s) => s.length > 0) : undefined;
    return sendHtml(
      reply,
      200,
      <SettingsPage
        session={session}
        settings={settings}
        canEdit={signed.caller.scopes.has("users:write")}
        saved={saved}
      />,
    );
  });

  app.post("/settings", { schema: { hide: true } }, async (request, reply) => {
    const signed = await signedIn(handset.consoleSessions, request);
    const session = rememberSession(request, signed);
    checkCsrf(handset.consoleSessions, signed, request);
    requireScope(signed.caller, "users:write");
    const current = await handset.settings.get(signed.caller);
    try {
      const patch = settingsPatchOfForm(
        request.body as Record<string, string | string[] | undefined>,
        current,
      );
      const { changed } = await handset.settings.update(signed.caller, patch);
      return seeOther(reply, `/console/settings?saved=${encodeURIComponent(changed.join(","))}`);
    } catch (error) {
      if (!isHandsetError(error) || error.code !== "INVALID_REQUEST") throw error;
      // The form again, as it stood, with what was wrong; nothing was saved.
      return sendHtml(
        reply,
        400,
        <SettingsPage session={session} settings={current} canEdit error={error.message} />,
      );
    }
  });
}
