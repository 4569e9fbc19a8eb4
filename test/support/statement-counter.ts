import SqliteDatabase from "better-sqlite3";
import { DefaultQueryCompiler } from "kysely";
import pg from "pg";

/** One statement as the database driver received it. */
export interface CountedStatement {
  sql: string;
}

/**
 * Counts what reaches the database drivers of this process: every better-sqlite3 statement run
 * (transaction control included) and every node-postgres query (BEGIN and COMMIT included, one round
 * trip each), and every query Kysely compiles from a builder. Patches the drivers' prototypes until
 * `stop`, so it sees the store's own connections without the store knowing.
 */
export interface StatementCounter {
  /** Runs `work` and returns the statements and Kysely compilations it caused. */
  measure<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[]; compiled: string[] }>;
  stop(): void;
}

export function startStatementCounter(): StatementCounter {
  let recording: { statements: string[]; compiled: string[] } | null = null;
  const restores: (() => void)[] = [];

  function patch<T extends object>(
    target: T,
    name: keyof T & string,
    sqlOf: (self: unknown, args: unknown[]) => string,
  ) {
    const original = target[name] as unknown as (...args: unknown[]) => unknown;
    (target as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      recording?.statements.push(sqlOf(this, args));
      return original.apply(this, args);
    };
    restores.push(() => {
      (target as Record<string, unknown>)[name] = original;
    });
  }

  const probe = new SqliteDatabase(":memory:");
  const statementPrototype = Object.getPrototypeOf(probe.prepare("select 1")) as Record<string, unknown>;
  probe.close();
  for (const method of ["run", "all", "get", "iterate"]) {
    patch(statementPrototype, method, (self) => (self as { source: string }).source);
  }
  patch(pg.Client.prototype, "query", (_self, args) => {
    const first = args[0];
    return typeof first === "string" ? first : String((first as { text?: string }).text);
  });

  const compile = DefaultQueryCompiler.prototype.compileQuery;
  DefaultQueryCompiler.prototype.compileQuery = function (this: DefaultQueryCompiler, ...args) {
    const compiled = compile.apply(this, args);
    recording?.compiled.push(compiled.sql);
    return compiled;
  };
  restores.push(() => {
    DefaultQueryCompiler.prototype.compileQuery = compile;
  });

  return {
    async measure(work) {
      const seen = { statements: [] as string[], compiled: [] as string[] };
      recording = seen;
      try {
        const result = await work();
        return { result, ...seen };
      } finally {
        recording = null;
      }
    },
    stop() {
      for (const restore of restores.reverse()) restore();
    },
  };
}

/** Transaction control, which SQLite's group commit shares between units of work. */
export const isControl = (sql: string): boolean =>
  /^\s*(begin|commit|rollback|savepoint|release)\b/i.test(sql);
