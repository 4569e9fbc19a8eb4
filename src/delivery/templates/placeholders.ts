/** The values a message template may name; `{code}` is the one it must name. */
export const PLACEHOLDERS = ["code", "app", "minutes"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Record<Placeholder, string>;

const KNOWN: ReadonlySet<string> = new Set(PLACEHOLDERS);
/** A brace pair around anything but braces: `{code}`, and also `{x}` or `{ code }`, which are refused. */
const BRACED = /\{([^{}]*)\}/g;

/** What is wrong with a template, or null: `{code}` is required, unknown placeholders are refused. */
export function templateProblem(template: string): string | null {
  const unknown = new Set<string>();
  let hasCode = false;
  for (const match of template.matchAll(BRACED)) {
    const name = match[1] ?? "";
    if (name === "code") hasCode = true;
    else if (!KNOWN.has(name)) unknown.add(`{${name}}`);
  }
  if (unknown.size > 0) {
    return `unknown placeholder ${[...unknown].join(", ")} (allowed: ${PLACEHOLDERS.map((p) => `{${p}}`).join(", ")})`;
  }
  if (!hasCode) return "a template must contain {code}";
  return null;
}

/**
 * Fills a template in one pass. Values are inserted as they are and never scanned again, so an app
 * name of "{code}" is printed literally instead of leaking or duplicating the code.
 */
export function fillTemplate(template: string, values: PlaceholderValues): string {
  return template.replace(BRACED, (whole, name: string) =>
    KNOWN.has(name) ? values[name as Placeholder] : whole,
  );
}
