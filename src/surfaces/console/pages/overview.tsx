import type { Stats } from "../../../services/stats.js";
import { Layout, type PageSession } from "../layout.js";
import { jsonForScript, presentStats } from "../present-stats.js";

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)} %`);

function RangeLinks({ range }: { range: Stats["range"] }) {
  const links = [
    { value: "24h", label: "Last 24 hours, by hour" },
    { value: "30d", label: "Last 30 days, by day" },
  ] as const;
  return (
    <nav aria-label="Time range">
      <p class="row">
        {links.map((l) => (
          <a
            key={l.value}
            class={l.value === range ? "button" : "button secondary"}
            href={`/console/overview?range=${l.value}`}
            aria-current={l.value === range ? "true" : undefined}
          >
            {l.label}
          </a>
        ))}
      </p>
    </nav>
  );
}

export function OverviewPage({
  session,
  stats,
  chartJsUrl,
}: {
  session: PageSession;
  stats: Stats;
  chartJsUrl: string;
}) {
  const sends = stats.overTime.reduce((n, p) => n + p.sends, 0);
  const started = stats.overTime.reduce((n, p) => n + p.verificationsStarted, 0);
  const verified = stats.overTime.reduce((n, p) => n + p.verified, 0);
  const timeLabel = (ms: number) => {
    const isoTime = new Date(ms).toISOString();
    return stats.range === "30d" ? isoTime.slice(0, 10) : `${isoTime.slice(0, 13).replace("T", " ")}:00Z`;
  };
  return (
    <Layout
      title="Overview"
      current="/console/overview"
      session={session}
      scripts={[chartJsUrl, "/console/assets/overview.js"]}
    >
      <RangeLinks range={stats.range} />
      <ul class="figures" aria-label="Totals for the range">
        <li>
          <strong>{sends}</strong> SMS sent
        </li>
        <li>
          <strong>{started}</strong> verifications started
        </li>
        <li>
          <strong>{verified}</strong> verified
        </li>
        <li>
          <strong>{pct(started === 0 ? null : verified / started)}</strong> conversion
        </li>
      </ul>

      <h2 id="over-time">Sends, verifications and conversion over time</h2>
      <div class="chart">
        <canvas
          id="chart-over-time"
          role="img"
          aria-labelledby="over-time"
          aria-describedby="over-time-table-caption"
        />
      </div>
      <details>
        <summary id="over-time-table-caption">The same figures as a table</summary>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{stats.range === "30d" ? "Day (UTC)" : "Hour (UTC)"}</th>
                <th scope="col" class="num">
                  SMS sent
                </th>
                <th scope="col" class="num">
                  Started
                </th>
                <th scope="col" class="num">
                  Verified
                </th>
                <th scope="col" class="num">
                  Conversion
                </th>
              </tr>
            </thead>
            <tbody>
              {stats.overTime.map((p) => (
                <tr key={p.start}>
                  <th scope="row">{timeLabel(p.start)}</th>
                  <td class="num">{p.sends}</td>
                  <td class="num">{p.verificationsStarted}</td>
                  <td class="num">{p.verified}</td>
                  <td class="num">{pct(p.conversion)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>

      <div class="charts two">
        <section aria-labelledby="by-country">
          <h2 id="by-country">By destination country</h2>
          <p class="hint">
            Many sends with low conversion to one country is the mark of SMS pumping: codes sent that nobody
            enters.
          </p>
          <div class="chart">
            <canvas
              id="chart-by-country"
              role="img"
              aria-labelledby="by-country"
              aria-describedby="country-table"
            />
          </div>
          <div class="table-wrap">
            <table id="country-table">
              <caption>Countries by SMS sent, most first</caption>
              <thead>
                <tr>
                  <th scope="col">Country</th>
                  <th scope="col" class="num">
                    SMS sent
                  </th>
                  <th scope="col" class="num">
                    Started
                  </th>
                  <th scope="col" class="num">
                    Verified
                  </th>
                  <th scope="col" class="num">
                    Conversion
                  </th>
                </tr>
              </thead>
              <tbody>
                {stats.byCountry.length === 0 && (
                  <tr>
                    <td colSpan={5}>No messages in this range.</td>
                  </tr>
                )}
                {stats.byCountry.map((c) => (
                  <tr key={c.region}>
                    <th scope="row">{c.region}</th>
                    <td class="num">{c.sends}</td>
                    <td class="num">{c.verificationsStarted}</td>
                    <td class="num">{c.verified}</td>
                    <td class="num">{pct(c.conversion)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section aria-labelledby="by-provider">
          <h2 id="by-provider">Delivery by provider</h2>
          <div class="chart">
            <canvas
              id="chart-by-provider"
              role="img"
              aria-labelledby="by-provider"
              aria-describedby="provider-table"
            />
          </div>
          <div class="table-wrap">
            <table id="provider-table">
              <caption>Messages of the range by provider and outcome</caption>
              <thead>
                <tr>
                  <th scope="col">Provider</th>
                  <th scope="col" class="num">
                    Delivered
                  </th>
                  <th scope="col" class="num">
                    Sent
                  </th>
                  <th scope="col" class="num">
                    Queued
                  </th>
                  <th scope="col" class="num">
                    Failed
                  </th>
                  <th scope="col" class="num">
                    Success
                  </th>
                </tr>
              </thead>
              <tbody>
                {stats.byProvider.length === 0 && (
                  <tr>
                    <td colSpan={6}>No messages in this range.</td>
                  </tr>
                )}
                {stats.byProvider.map((p) => (
                  <tr key={p.provider ?? "-"}>
                    <th scope="row">{p.provider ?? "(not handed over)"}</th>
                    <td class="num">{p.delivered}</td>
                    <td class="num">{p.sent}</td>
                    <td class="num">{p.queued}</td>
                    <td class="num">{p.failed}</td>
                    <td class="num">{pct(p.successRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
      <script
        type="application/json"
        id="stats-data"
        // Raw, not escaped as text: the JSON is made safe for a script element by jsonForScript.
        dangerouslySetInnerHTML={{ __html: jsonForScript(presentStats(stats)) }}
      />
    </Layout>
  );
}
