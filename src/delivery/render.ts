/** The text of a verification SMS: who sends it, the code, how long it lasts, and not to share it. */
export function renderVerificationSms(senderName: string, code: string, ttlMs: number): string {
  const minutes = Math.max(1, Math.round(ttlMs / 60_000));
  return `${code} is your ${senderName} verification code. It expires in ${minutes} minutes. Do not share it with anyone.`;
}
