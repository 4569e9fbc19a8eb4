import type { MessageView } from "../../../services/message-view.js";
import { Time } from "../layout.js";

/** Messages and what became of them: the search and the failures page show the same table. */
export function MessagesTable({ messages, caption }: { messages: readonly MessageView[]; caption: string }) {
  return (
    <div class="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Queued</th>
            <th scope="col">To</th>
            <th scope="col">Status</th>
            <th scope="col">Provider</th>
            <th scope="col" class="num">
              Attempts
            </th>
            <th scope="col">Error</th>
            <th scope="col">Message id</th>
          </tr>
        </thead>
        <tbody>
          {messages.length === 0 && (
            <tr>
              <td colSpan={7}>None.</td>
            </tr>
          )}
          {messages.map((m) => (
            <tr key={m.id}>
              <td>
                <Time ms={m.createdAt} />
              </td>
              <td class="mono">
                <a href={`/console/search?q=${encodeURIComponent(m.to)}`}>{m.to}</a>
              </td>
              <td class={`status-${m.status}`}>{m.status}</td>
              <td>{m.provider ?? "—"}</td>
              <td class="num">{m.deliveryAttempts}</td>
              <td>{m.error ?? "—"}</td>
              <td class="mono">{m.id}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Newest" and "Older" for cursor pagination: the same filters, with `after` unset or moved on. */
export function Pager({
  path,
  query,
  nextCursor,
}: {
  path: string;
  query: Record<string, string | undefined>;
  nextCursor: string | null;
}) {
  const href = (after: string | null) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value && key !== "after") params.set(key, value);
    if (after) params.set("after", after);
    const text = params.toString();
    return text ? `${path}?${text}` : path;
  };
  return (
    <nav class="pager" aria-label="Pages">
      {query.after && <a href={href(null)}>Newest</a>}
      {nextCursor && <a href={href(nextCursor)}>Older</a>}
    </nav>
  );
}
