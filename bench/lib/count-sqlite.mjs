// Counts the SQL statements a server runs on better-sqlite3, from outside its code: preloaded with
//   BENCH_COUNT_PORT=<port> node --import ./bench/lib/count-sqlite.mjs <server script> ...
// it loads the better-sqlite3 that the server script would load (resolved from the script's own path,
// so Handset's and the peer's copies are each found), wraps Database.prototype.prepare/exec and the
// Statement methods that execute (run, get, all, iterate), and answers the counts as JSON on
// GET http://127.0.0.1:<port>/counts:
//   { statements, reads, writes, prepares, execs }
// `statements` counts executions: every run/get/all/iterate of a prepared statement (transactions'
// BEGIN, SAVEPOINT and COMMIT included when they are statements, as in Handset and the peer) plus
// every exec() call. With BENCH_COUNT_SQL=1 it also keeps a count per SQL text, answered under `bySql`.
// The server's own code is unchanged; the side port is unref'd and never keeps the process alive.
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const script = process.argv[1];
const requireFromScript = createRequire(script ? pathToFileURL(resolve(script)).href : import.meta.url);

let Database = null;
try {
  Database = requireFromScript("better-sqlite3");
} catch {
  // The server does not use better-sqlite3 (Handset on PostgreSQL): nothing to count here.
}

const counts = { statements: 0, reads: 0, writes: 0, prepares: 0, execs: 0 };
const keepSql = process.env.BENCH_COUNT_SQL === "1";
/** @type {Map<string, number>} */
const bySql = new Map();

/** Wraps the execution methods of better-sqlite3's Statement class, once, from its first statement. */
let statementsPatched = false;
function patchStatements(Statement) {
  statementsPatched = true;
  for (const method of ["run", "get", "all", "iterate"]) {
    const original = Statement[method];
    Statement[method] = function countedExecution(...args) {
      counts.statements += 1;
      if (this.reader) counts.reads += 1;
      else counts.writes += 1;
      if (keepSql) bySql.set(this.source, (bySql.get(this.source) ?? 0) + 1);
      return original.apply(this, args);
    };
  }
}

if (Database) {
  // Patched from the first statement the server prepares, not from a probe database of our own, so
  // that the preload adds next to nothing to the server's start.
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function countedPrepare(...args) {
    counts.prepares += 1;
    const statement = prepare.apply(this, args);
    if (!statementsPatched) patchStatements(Object.getPrototypeOf(statement));
    return statement;
  };
  const exec = Database.prototype.exec;
  Database.prototype.exec = function countedExec(source, ...rest) {
    counts.statements += 1;
    counts.execs += 1;
    counts.writes += 1;
    if (keepSql) bySql.set(String(source), (bySql.get(String(source)) ?? 0) + 1);
    return exec.call(this, source, ...rest);
  };
}

const port = Number(process.env.BENCH_COUNT_PORT ?? 0);
if (port > 0) {
  const side = createServer((req, res) => {
    if (req.url !== "/counts") {
      res.writeHead(404).end();
      return;
    }
    const body = { available: Database !== null, ...counts };
    if (keepSql) body.bySql = Object.fromEntries([...bySql].sort((a, b) => b[1] - a[1]));
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  side.listen(port, "127.0.0.1");
  side.unref();
}
