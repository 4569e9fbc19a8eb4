/** The SMS text rules live in the domain; delivery code reaches them here too. */
export { isGsm7, type SmsEncoding, type SmsTextShape, smsText } from "../domain/sms-text.js";
