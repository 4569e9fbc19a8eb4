import type { CredentialView } from "../../../services/credential-view.js";
import { CsrfField, Layout, Notice, type PageSession, Time } from "../layout.js";
import { Pager } from "./messages-table.js";

const kindName = (kind: CredentialView["kind"]) => (kind === "admin_key" ? "admin key" : "user token");

function State({ credential, now }: { credential: CredentialView; now: number }) {
  if (credential.revokedAt !== null) return <span class="revoked">revoked</span>;
  if (credential.expiresAt !== null && credential.expiresAt <= now)
    return <span class="revoked">expired</span>;
  return <span>active</span>;
}

export function KeysPage({
  session,
  credentials,
  nextCursor,
  query,
  now,
}: {
  session: PageSession;
  credentials: readonly CredentialView[];
  nextCursor: string | null;
  query: { kind?: string; user?: string; revoked?: string; after?: string };
  now: number;
}) {
  return (
    <Layout title="Keys and tokens" current="/console/keys" session={session}>
      <form method="get" action="/console/keys" class="row">
        <div>
          <label for="kind">Kind</label>
          <select id="kind" name="kind">
            <option value="">Every kind</option>
            <option value="admin_key" selected={query.kind === "admin_key"}>
              Admin keys
            </option>
            <option value="user_token" selected={query.kind === "user_token"}>
              User tokens
            </option>
          </select>
        </div>
        <div>
          <label for="user">User id</label>
          <input id="user" name="user" type="text" value={query.user ?? ""} />
        </div>
        <div>
          <label class="check">
            <input type="checkbox" name="revoked" value="1" checked={query.revoked === "1"} /> Include revoked
          </label>
        </div>
        <div>
          <button type="submit">Filter</button>
        </div>
      </form>
      <div class="table-wrap">
        <table>
          <caption>Credentials of this tenant (secrets are never shown: only their first characters)</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">User</th>
              <th scope="col">Hint</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {credentials.length === 0 && (
              <tr>
                <td colSpan={7}>None.</td>
              </tr>
            )}
            {credentials.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={`/console/keys/${encodeURIComponent(c.id)}`}>{c.name}</a>
                </td>
                <td>{kindName(c.kind)}</td>
                <td class="mono">{c.userId ?? "—"}</td>
                <td class="mono">{c.hint}…</td>
                <td>
                  <Time ms={c.lastUsedAt} />
                </td>
                <td>
                  <Time ms={c.expiresAt} />
                </td>
                <td>
                  <State credential={c} now={now} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager path="/console/keys" query={query} nextCursor={nextCursor} />
    </Layout>
  );
}

export function KeyPage({
  session,
  credential,
  now,
  justRevoked,
  canRevoke,
  isOwnKey,
}: {
  session: PageSession;
  credential: CredentialView;
  now: number;
  justRevoked: boolean;
  canRevoke: boolean;
  isOwnKey: boolean;
}) {
  const c = credential;
  return (
    <Layout
      title={c.name === kindName(c.kind) ? c.name : `${kindName(c.kind)}: ${c.name}`}
      current="/console/keys"
      session={session}
    >
      {justRevoked && (
        <Notice kind="ok">Revoked: every request with this {kindName(c.kind)} is now refused.</Notice>
      )}
      <dl class="facts">
        <dt>Id</dt>
        <dd class="mono">{c.id}</dd>
        <dt>Kind</dt>
        <dd>{kindName(c.kind)}</dd>
        <dt>User</dt>
        <dd class="mono">
          {c.userId ? <a href={`/console/search?q=${encodeURIComponent(c.userId)}`}>{c.userId}</a> : "—"}
        </dd>
        <dt>Scopes</dt>
        <dd>{c.scopes.join(", ")}</dd>
        <dt>Hint</dt>
        <dd class="mono">{c.hint}…</dd>
        <dt>Created</dt>
        <dd>
          <Time ms={c.createdAt} />
        </dd>
        <dt>Last used</dt>
        <dd>
          <Time ms={c.lastUsedAt} />
        </dd>
        <dt>Expires</dt>
        <dd>
          <Time ms={c.expiresAt} />
        </dd>
        <dt>State</dt>
        <dd>
          <State credential={c} now={now} />
          {c.revokedAt !== null && (
            <>
              {" "}
              since <Time ms={c.revokedAt} />
            </>
          )}
        </dd>
      </dl>
      {c.revokedAt === null && canRevoke && (
        <p>
          <a class="button secondary" href={`/console/keys/${encodeURIComponent(c.id)}/revoke`}>
            Revoke…
          </a>
          {isOwnKey && (
            <span class="hint">This is the key you signed in with: revoking it signs you out.</span>
          )}
        </p>
      )}
      <p>
        <a href="/console/keys">All keys and tokens</a>
      </p>
    </Layout>
  );
}

export function RevokeConfirmPage({
  session,
  credential,
  isOwnKey,
}: {
  session: PageSession;
  credential: CredentialView;
  isOwnKey: boolean;
}) {
  const c = credential;
  return (
    <Layout title={`Revoke ${c.name}?`} current="/console/keys" session={session}>
      <Notice kind="info">
        Every request with this {kindName(c.kind)} (<code>{c.hint}…</code>
        {c.userId ? (
          <>
            {" "}
            of user <code>{c.userId}</code>
          </>
        ) : null}
        ) will be refused at once, on every Handset process. This cannot be undone.
        {isOwnKey && " It is the key you signed in with: this console session ends with it."}
      </Notice>
      <form method="post" action={`/console/keys/${encodeURIComponent(c.id)}/revoke`} class="row">
        <CsrfField token={session.csrfToken} />
        <input type="hidden" name="confirm" value="yes" />
        <div>
          <button type="submit" class="danger">
            Revoke {kindName(c.kind)}
          </button>{" "}
          <a class="button secondary" href={`/console/keys/${encodeURIComponent(c.id)}`}>
            Cancel
          </a>
        </div>
      </form>
    </Layout>
  );
}
