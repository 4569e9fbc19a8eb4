/**
 * The texts Handset sends when no template is configured, by language. Each is written in the GSM 03.38
 * alphabet only (no ó, ã, ç, á, í, ú, ê, È: one such letter turns the whole SMS into UCS-2, which holds
 * 70 characters instead of 160), and stays within one segment with a 10-digit code, an 11-character
 * app name, 4-digit minutes and a WebOTP line; the tests check both.
 */
export const BUILT_IN_TEMPLATES: Readonly<Record<string, string>> = {
  en: "{code} is your {app} verification code. It expires in {minutes} minutes. Do not share it with anyone.",
  fr: "{code} est votre code de vérification {app}. Il expire dans {minutes} minutes. Ne le partagez avec personne.",
  de: "{code} ist Ihr Bestätigungscode für {app}. Er ist {minutes} Minuten gültig. Geben Sie ihn nicht weiter.",
  es: "{code} es tu clave de {app}. Caduca en {minutes} minutos. No la compartas con nadie.",
  it: "{code} è il tuo codice di verifica {app}. Scade tra {minutes} minuti. Non condividerlo con nessuno.",
  pt: "{code} é a sua senha {app}. Expira em {minutes} minutos. Nunca a revele a ninguém.",
  nl: "{code} is je verificatiecode voor {app}. Deze verloopt over {minutes} minuten. Deel hem met niemand.",
};

/** The language every fallback ends at. */
export const LAST_RESORT_LOCALE = "en";
