import { type DatabaseIntrospector, type Kysely, sql, type TableMetadata } from "kysely";

/**
 * `db` with an introspection that sees one PostgreSQL schema, for Kysely's migrator, which only asks
 * whether its schema and its two bookkeeping tables exist.
 *
 * Kysely's own PostgreSQL introspection reads the columns of every schema in the database and calls
 * `pg_get_serial_sequence` and `has_schema_privilege`, which look each table and schema up by name:
 * a table or schema dropped meanwhile by another session (another deployment migrating its schema, a
 * schema being dropped) fails the whole migration with "relation ... does not exist". This one reads
 * `pg_class` of the one schema, with nothing looked up by name.
 */
export function introspectingOneSchema<DB>(db: Kysely<DB>, schema: string): Kysely<DB> {
  const tables = async (): Promise<TableMetadata[]> => {
    const { rows } = await sql<{ name: string; kind: string }>`
      select c.relname as name, c.relkind as kind
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ${schema} and c.relkind in ('r', 'p', 'v')`.execute(db);
    return rows.map((row) => ({ name: row.name, schema, isView: row.kind === "v", columns: [] }));
  };
  const introspection: DatabaseIntrospector = {
    // The schema exists: it is the connection's current schema.
    getSchemas: async () => [{ name: schema }],
    getTables: tables,
    getMetadata: async () => ({ tables: await tables() }),
  };
  // Kysely keeps its state in private fields, so every other member is the instance's own, bound to it.
  return new Proxy(db, {
    get(target, property) {
      if (property === "introspection") return introspection;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
