import type { ComponentChildren } from "preact";
import { renderToString } from "preact-render-to-string";

export const NAV = [
  { href: "/console/overview", label: "Overview" },
  { href: "/console/search", label: "Search" },
  { href: "/console/failures", label: "Delivery failures" },
  { href: "/console/keys", label: "Keys and tokens" },
  { href: "/console/settings", label: "Settings" },
  { href: "/console/events", label: "Event log" },
] as const;

/** What every signed-in page knows of its session. */
export interface PageSession {
  tenantId: string;
  csrfToken: string;
}

export interface LayoutProps {
  title: string;
  /** The nav entry this page belongs to. */
  current?: string;
  session?: PageSession;
  /** Extra scripts (same origin only: the console's CSP allows no other). */
  scripts?: string[];
  /** A narrow column (the sign-in form). */
  narrow?: boolean;
  children: ComponentChildren;
}

export function Layout({ title, current, session, scripts = [], narrow = false, children }: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Handset console`}</title>
        <link rel="stylesheet" href="/console/assets/console.css" />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header>
          <span class="brand">Handset console</span>
          {session && (
            <>
              <span class="tenant">
                Tenant <code>{session.tenantId}</code>
              </span>
              <nav aria-label="Console">
                <ul>
                  {NAV.map((item) => (
                    <li key={item.href}>
                      <a href={item.href} aria-current={item.href === current ? "page" : undefined}>
                        {item.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
              <form method="post" action="/console/sign-out">
                <input type="hidden" name="_csrf" value={session.csrfToken} />
                <button type="submit">Sign out</button>
              </form>
            </>
          )}
        </header>
        <main id="main" class={narrow ? "narrow" : undefined}>
          <h1>{title}</h1>
          {children}
        </main>
        {scripts.map((src) => (
          <script key={src} src={src} defer />
        ))}
      </body>
    </html>
  );
}

/** A complete HTML document. */
export function renderPage(page: preact.VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}

/** The form field every POST of a signed-in page carries. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function Notice({ kind, children }: { kind: "error" | "ok" | "info"; children: ComponentChildren }) {
  return (
    <div class={`notice ${kind === "info" ? "" : kind}`} role={kind === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}

/** Times on the page: UTC, to the second, as the event log and the API speak. */
export function Time({ ms }: { ms: number | null | undefined }) {
  if (ms === null || ms === undefined) return <span>—</span>;
  const iso = new Date(ms).toISOString();
  return <time datetime={iso}>{iso.replace("T", " ").slice(0, 19)}Z</time>;
}
