import type { PhoneNumberLookup } from "../../../services/lookup.js";
import type { MessageView } from "../../../services/message-view.js";
import type { PhoneNumberView, UserView, VerificationView } from "../../../services/views.js";
import { Layout, Notice, type PageSession, Time } from "../layout.js";
import { MessagesTable } from "./messages-table.js";

export type SearchResult =
  | { kind: "number"; lookup: PhoneNumberLookup }
  | { kind: "user"; user: UserView; messages: readonly MessageView[] }
  | { kind: "none"; message: string };

const yesNo = (v: boolean) => (v ? "yes" : "no");

function NumbersTable({ numbers, caption }: { numbers: readonly PhoneNumberView[]; caption: string }) {
  return (
    <div class="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col">User</th>
            <th scope="col">Type</th>
            <th scope="col">Primary</th>
            <th scope="col">Verified</th>
            <th scope="col">Second factor</th>
            <th scope="col">Added</th>
          </tr>
        </thead>
        <tbody>
          {numbers.length === 0 && (
            <tr>
              <td colSpan={7}>None.</td>
            </tr>
          )}
          {numbers.map((n) => (
            <tr key={n.id}>
              <td class="mono">
                <a href={`/console/search?q=${encodeURIComponent(n.e164)}`}>{n.e164}</a> {n.region ?? ""}
              </td>
              <td class="mono">
                <a href={`/console/search?q=${encodeURIComponent(n.userId)}`}>{n.userId}</a>
              </td>
              <td>{n.numberType}</td>
              <td>{yesNo(n.primary)}</td>
              <td class={n.verified ? "status-verified" : ""}>
                {n.verified ? (
                  <>
                    yes, <Time ms={n.verifiedAt} />
                  </>
                ) : (
                  "no"
                )}
              </td>
              <td>{n.defaultSecondFactor ? "default" : yesNo(n.reservedForSecondFactor)}</td>
              <td>
                <Time ms={n.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function VerificationsTable({ verifications }: { verifications: readonly VerificationView[] }) {
  return (
    <div class="table-wrap">
      <table>
        <caption>Verifications, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Status</th>
            <th scope="col" class="num">
              Attempts used
            </th>
            <th scope="col" class="num">
              Sends used
            </th>
            <th scope="col">Expires</th>
            <th scope="col">Id</th>
          </tr>
        </thead>
        <tbody>
          {verifications.length === 0 && (
            <tr>
              <td colSpan={6}>None.</td>
            </tr>
          )}
          {verifications.map((v) => (
            <tr key={v.id}>
              <td>
                <Time ms={v.createdAt} />
              </td>
              <td class={`status-${v.status}`}>{v.status}</td>
              <td class="num">
                {v.attemptsUsed} of {v.maxAttempts}
              </td>
              <td class="num">{v.sendsUsed}</td>
              <td>
                <Time ms={v.expiresAt} />
              </td>
              <td class="mono">{v.id}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SearchPage({
  session,
  query,
  result,
}: {
  session: PageSession;
  query: string;
  result?: SearchResult;
}) {
  return (
    <Layout title="Search" current="/console/search" session={session}>
      <form method="get" action="/console/search" class="row">
        <div>
          <label for="q">
            Phone number or user id
            <span class="hint">A number in international form (+33 6 12 34 56 78), or a user's id.</span>
          </label>
          <input id="q" name="q" type="search" value={query} required />
        </div>
        <div>
          <button type="submit">Search</button>
        </div>
      </form>
      {result?.kind === "none" && <Notice kind="info">{result.message}</Notice>}
      {result?.kind === "number" && (
        <section aria-labelledby="number-heading">
          <h2 id="number-heading">
            <span class="mono">{result.lookup.e164}</span>
          </h2>
          {result.lookup.holders.length === 0 ? (
            <p>No user of this tenant holds this number.</p>
          ) : (
            <NumbersTable numbers={result.lookup.holders.map((h) => h.phoneNumber)} caption="Held by" />
          )}
          <h2>Verifications</h2>
          <VerificationsTable verifications={result.lookup.verifications} />
          <h2>Messages</h2>
          <MessagesTable messages={result.lookup.messages} caption="Messages to this number, newest first" />
        </section>
      )}
      {result?.kind === "user" && (
        <section aria-labelledby="user-heading">
          <h2 id="user-heading">
            User <span class="mono">{result.user.id}</span>
          </h2>
          {result.user.externalId && (
            <p>
              External id <code>{result.user.externalId}</code>
            </p>
          )}
          <NumbersTable numbers={result.user.phoneNumbers} caption="The user's numbers" />
          <h2>Latest verifications</h2>
          <VerificationsTable
            verifications={result.user.phoneNumbers.flatMap((n) => (n.verification ? [n.verification] : []))}
          />
          <h2>Messages</h2>
          <MessagesTable messages={result.messages} caption="Messages to the user's numbers, newest first" />
        </section>
      )}
    </Layout>
  );
}
