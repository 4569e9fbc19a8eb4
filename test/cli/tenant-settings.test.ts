import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  createTestSchema,
  notePostgresSkipped,
  TEST_DATABASE_URL,
  type TestSchema,
} from "../support/postgres.js";
import { inProcessCli } from "./in-process-cli.js";

notePostgresSkipped("handset tenants settings on PostgreSQL");

describe.each([
  { name: "SQLite", postgres: false },
  { name: "PostgreSQL", postgres: true },
])("handset tenants settings on $name", ({ postgres }) => {
  const dirs: string[] = [];
  let schema: TestSchema | undefined;
  afterEach(async () => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    await schema?.drop();
    schema = undefined;
  });

  async function setup() {
    const dir = mkdtempSync(join(tmpdir(), "handset-cli-settings-"));
    dirs.push(dir);
    if (postgres) schema = await createTestSchema();
    const env: Record<string, string> = schema ? { DATABASE_URL: schema.url } : {};
    const cli = inProcessCli(dir);
    const run = (args: string[]) => cli(args, env);
    // The tenant exists once it has a key, as a tenant in use does.
    const key = await run(["keys", "create", "--tenant", "acme", "--json"]);
    expect(key.code, key.stderr).toBe(0);
    return { dir, run };
  }

  it.skipIf(postgres && !TEST_DATABASE_URL)(
    "shows the defaults, sets from flags, and shows them again",
    async () => {
      const { run } = await setup();
      const shown = await run(["tenants", "settings", "--tenant", "acme"]);
      expect(shown.code).toBe(0);
      expect(shown.stdout).toMatch(/^regions allowed: +every region$/m);
      expect(shown.stdout).toMatch(/^high-risk blocked: +.*\bUZ\b/m);
      expect(shown.stdout).toMatch(/^user_sms_per_hour: +10$/m);

      const set = await run([
        "tenants",
        "settings",
        "set",
        "--tenant",
        "acme",
        "--allow-regions",
        "us,CA",
        "--allow-high-risk",
        "UZ",
        "--allow-types",
        "voip",
        "--budget",
        "user_sms_per_hour=5",
        "--budget",
        "ip_sms_per_hour=off",
      ]);
      console.log(`$ handset tenants settings set ...\n${set.stderr}${set.stdout}`);
      expect(set.code).toBe(0);
      expect(set.stderr).toContain("changed: regions.allowed, regions.allow_high_risk");
      expect(set.stdout).toMatch(/^regions allowed: +US CA$/m);
      expect(set.stdout).toMatch(/^user_sms_per_hour: +5$/m);
      expect(set.stdout).toMatch(/^ip_sms_per_hour: +off$/m);

      const json = await run(["tenants", "settings", "--tenant", "acme", "--json"]);
      expect(json.code).toBe(0);
      const parsed = JSON.parse(json.stdout);
      expect(parsed).toMatchObject({
        tenant: "acme",
        regions: { allowed: ["US", "CA"], allow_high_risk: ["UZ"] },
        number_types: { allow: ["VOIP"] },
        budgets: { user_sms_per_hour: 5, ip_sms_per_hour: null, user_numbers_per_day: 5 },
      });
      // Another tenant is untouched.
      const otherKey = await run(["keys", "create", "--tenant", "other", "--json"]);
      expect(otherKey.code, otherKey.stderr).toBe(0);
      const other = JSON.parse((await run(["tenants", "settings", "--tenant", "other", "--json"])).stdout);
      expect(other.regions.allowed).toEqual([]);
    },
  );

  it.skipIf(postgres && !TEST_DATABASE_URL)("takes a JSON file or argument, the flags over it", async () => {
    const { dir, run } = await setup();
    const file = join(dir, "settings.json");
    writeFileSync(file, JSON.stringify({ budgets: { countries: { US: 40 }, user_sms_per_hour: 7 } }));
    const fromFile = await run([
      "tenants",
      "settings",
      "set",
      "--tenant",
      "acme",
      "--file",
      file,
      "--budget",
      "user_sms_per_hour=3",
      "--json",
    ]);
    expect(fromFile.code).toBe(0);
    expect(JSON.parse(fromFile.stdout).budgets).toMatchObject({
      countries: { US: 40 },
      user_sms_per_hour: 3,
    });
    const fromArgument = await run([
      "tenants",
      "settings",
      "set",
      "--tenant",
      "acme",
      '{"regions":{"denied":["FR"]},"number_types":{"allow":["PERSONAL_NUMBER"]}}',
      "--json",
    ]);
    expect(fromArgument.code).toBe(0);
    expect(JSON.parse(fromArgument.stdout)).toMatchObject({
      regions: { denied: ["FR"] },
      number_types: { allow: ["PERSONAL_NUMBER"] },
      budgets: { user_sms_per_hour: 3 },
    });
  });

  it.skipIf(postgres && !TEST_DATABASE_URL)(
    "refuses bad settings with exit 2 and changes nothing",
    async () => {
      const { run } = await setup();
      const before = (await run(["tenants", "settings", "--tenant", "acme", "--json"])).stdout;
      const bad: Array<[string[], RegExp]> = [
        [["--budget", "user_sms_per_hour=lots"], /budgets\.user_sms_per_hour/],
        [["--allow-regions", "US,XX"], /regions\.allowed\.1/],
        [["--allow-types", "PREMIUM_RATE"], /number_types\.allow\.0/],
        [["--budget", "nonsense"], /name=value/],
        [["{not json"], /not JSON/],
        [[], /nothing to set/],
      ];
      for (const [args, message] of bad) {
        const res = await run(["tenants", "settings", "set", "--tenant", "acme", ...args]);
        expect(res.code, args.join(" ")).toBe(2);
        expect(res.stderr, args.join(" ")).toMatch(message);
      }
      expect((await run(["tenants", "settings", "--tenant", "acme", "--json"])).stdout).toBe(before);
      const missing = await run([
        "tenants",
        "settings",
        "set",
        "--tenant",
        "nobody",
        "--budget",
        "user_sms_per_hour=1",
      ]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain("No tenant nobody");
    },
  );
});
