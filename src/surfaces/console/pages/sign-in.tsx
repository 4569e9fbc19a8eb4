import { Layout, Notice } from "../layout.js";

export function SignInPage({ error }: { error?: string }) {
  return (
    <Layout title="Sign in" narrow>
      <div>
        <p>
          Sign in with an admin API key of your tenant. The key is checked and forgotten: the browser keeps
          only a session cookie, which ends after 30 minutes idle or 12 hours.
        </p>
        {error && <Notice kind="error">{error}</Notice>}
        <form method="post" action="/console/sign-in">
          <label for="key">
            Admin key
            <span class="hint">
              Starts with <code>hsk_</code>. Create one with <code>handset keys create</code>.
            </span>
          </label>
          <input id="key" name="key" type="password" autocomplete="off" required spellcheck={false} />
          <p>
            <button type="submit">Sign in</button>
          </p>
        </form>
      </div>
    </Layout>
  );
}
