import { Layout, type PageSession } from "../layout.js";

export function ErrorPage({
  title,
  message,
  session,
}: {
  title: string;
  message: string;
  session?: PageSession;
}) {
  return (
    <Layout title={title} session={session}>
      <div class="notice error" role="alert">
        {message}
      </div>
      <p>
        <a href="/console/overview">Back to the overview</a>
      </p>
    </Layout>
  );
}
