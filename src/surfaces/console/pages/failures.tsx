import type { MessageView } from "../../../services/message-view.js";
import { Layout, type PageSession } from "../layout.js";
import { MessagesTable, Pager } from "./messages-table.js";

export function FailuresPage({
  session,
  messages,
  nextCursor,
  after,
}: {
  session: PageSession;
  messages: readonly MessageView[];
  nextCursor: string | null;
  after?: string;
}) {
  return (
    <Layout title="Delivery failures" current="/console/failures" session={session}>
      <p>
        Messages that failed (given up, or refused downstream) or that the provider reported undelivered,
        newest first.
      </p>
      <MessagesTable messages={messages} caption="Failed and undelivered messages" />
      <Pager path="/console/failures" query={{ after }} nextCursor={nextCursor} />
    </Layout>
  );
}
