import type { EventView } from "../../../services/event-log.js";
import { Layout, type PageSession, Time } from "../layout.js";
import { Pager } from "./messages-table.js";

export interface EventFilters {
  user?: string;
  type?: string;
  since?: string;
  until?: string;
  after?: string;
}

export function EventsPage({
  session,
  events,
  nextCursor,
  filters,
}: {
  session: PageSession;
  events: readonly EventView[];
  nextCursor: string | null;
  filters: EventFilters;
}) {
  return (
    <Layout title="Event log" current="/console/events" session={session}>
      <form method="get" action="/console/events" class="row">
        <div>
          <label for="user">User id</label>
          <input id="user" name="user" type="text" value={filters.user ?? ""} />
        </div>
        <div>
          <label for="type">
            Type <span class="hint">e.g. phone_number.verified</span>
          </label>
          <input id="type" name="type" type="text" value={filters.type ?? ""} />
        </div>
        <div>
          <label for="since">From (UTC)</label>
          <input id="since" name="since" type="datetime-local" value={filters.since ?? ""} />
        </div>
        <div>
          <label for="until">Until (UTC)</label>
          <input id="until" name="until" type="datetime-local" value={filters.until ?? ""} />
        </div>
        <div>
          <button type="submit">Filter</button>
        </div>
      </form>
      <div class="table-wrap">
        <table>
          <caption>Every change, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Type</th>
              <th scope="col">Resource</th>
              <th scope="col">Actor</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {events.length === 0 && (
              <tr>
                <td colSpan={5}>No events.</td>
              </tr>
            )}
            {events.map((e) => (
              <tr key={e.id}>
                <td>
                  <Time ms={e.createdAt} />
                </td>
                <td class="mono">{e.type}</td>
                <td class="mono">
                  {e.aggregateType} {e.aggregateId} #{e.sequence}
                </td>
                <td class="mono">{e.actor}</td>
                <td>
                  <code>{JSON.stringify(e.payload)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager path="/console/events" query={{ ...filters }} nextCursor={nextCursor} />
    </Layout>
  );
}
