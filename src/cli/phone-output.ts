import type { Command } from "commander";

/**
 * linode-cli's global output options, as `handset phone` takes them, and how linode-cli prints what
 * it prints for the phone actions: nothing on success (their responses have no attributes), and the
 * `errors` table (columns `field`, `reason`) on stderr when the API refuses
 * (linode/linode-cli: linodecli/output/output_handler.py, api_request.py `_handle_error`).
 */
export type OutputMode = "table" | "delimited" | "json";

export interface OutputSettings {
  mode: OutputMode;
  delimiter: string;
  headers: boolean;
  prettyJson: boolean;
  /** linode-cli's `--no-retry`: a 408 or 429 is reported at once instead of waited out. */
  retry: boolean;
}

interface ParsedOptions {
  json?: boolean;
  text?: boolean;
  delimiter?: string;
  pretty?: boolean;
  headers?: boolean;
  allColumns?: boolean;
  retry?: boolean;
}

/** The options, on `phone` and on each of its actions, so that they go before or after the action. */
export function addOutputOptions(command: Command): Command {
  return command
    .option("--json", "display output as JSON")
    .option("--text", "display text output with a delimiter (defaults to tabs)")
    .option("--delimiter <delimiter>", "the delimiter when displaying raw output")
    .option("--pretty", "if set, pretty-print JSON output")
    .option("--no-headers", "if set, does not display headers in output")
    .option(
      "--all-columns",
      "display all possible columns (the phone actions answer no columns; accepted as linode-cli does)",
    )
    .option("--no-retry", "skip retrying on common errors like rate limits and timeouts");
}

/**
 * The action's options merged with `phone`'s: an option given on the command line wins wherever it
 * was given (commander's own merge would let the parent's defaults override the action's flags).
 */
function optionsOf(commands: readonly Command[]): ParsedOptions {
  const keys = ["json", "text", "delimiter", "pretty", "headers", "allColumns", "retry"] as const;
  const merged: Record<string, unknown> = {};
  for (const key of keys) {
    const given = commands.find((c) => c.getOptionValueSource(key) === "cli");
    merged[key] = (given ?? commands[0])?.getOptionValue(key);
  }
  return merged as ParsedOptions;
}

/** linode-cli's `OutputHandler.configure`: `--text` beats `--json`; `--pretty` means JSON. */
export function outputSettingsOf(action: Command): OutputSettings {
  const commands = action.parent ? [action, action.parent] : [action];
  const o = optionsOf(commands);
  let mode: OutputMode = o.text ? "delimited" : o.json ? "json" : "table";
  if (o.pretty) mode = "json";
  return {
    mode,
    delimiter: o.delimiter || "\t",
    headers: o.headers !== false,
    prettyJson: o.pretty === true,
    retry: o.retry !== false,
  };
}

export const DEFAULT_OUTPUT: OutputSettings = {
  mode: "table",
  delimiter: "\t",
  headers: true,
  prettyJson: false,
  retry: true,
};

/** One string as Python's `json.dumps` writes it (`ensure_ascii`: every non-ASCII character escaped). */
function pythonString(text: string): string {
  return JSON.stringify(text).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * Rows of strings as linode-cli's `_json_output` prints them: a list of objects keyed by the column
 * names, `json.dumps` with its separators (`", "`, `": "`), or `indent=2, sort_keys=True` when pretty.
 */
export function renderJsonRows(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  pretty: boolean,
): string {
  const objects = rows.map((row) => {
    const pairs = headers.map((h, i) => [h, row[i] ?? ""] as const);
    return pretty ? [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : pairs;
  });
  if (objects.length === 0) return "[]";
  if (!pretty) {
    const items = objects.map(
      (pairs) => `{${pairs.map(([k, v]) => `${pythonString(k)}: ${pythonString(v)}`).join(", ")}}`,
    );
    return `[${items.join(", ")}]`;
  }
  const items = objects.map((pairs) =>
    pairs.length === 0
      ? "  {}"
      : `  {\n${pairs.map(([k, v]) => `    ${pythonString(k)}: ${pythonString(v)}`).join(",\n")}\n  }`,
  );
  return `[\n${items.join(",\n")}\n]`;
}

/** linode-cli's `_delimited_output`: the title and the header row unless `--no-headers`. */
export function renderDelimited(
  title: string,
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  settings: Pick<OutputSettings, "delimiter" | "headers">,
): string {
  const lines = settings.headers ? [title, headers.join(settings.delimiter)] : [];
  return [...lines, ...rows.map((row) => row.join(settings.delimiter))].join("\n");
}

/**
 * The boxed table linode-cli draws with rich (`box.SQUARE`, `show_lines=True`, the title justified
 * left over the table's width): a line between rows; no title and no header row with `--no-headers`.
 */
export function renderTable(
  title: string,
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  showHeaders = true,
): string {
  const widths = headers.map((h, i) =>
    Math.max(showHeaders ? h.length : 0, ...rows.map((r) => (r[i] ?? "").length)),
  );
  const line = (l: string, m: string, r: string) => `${l}${widths.map((w) => "─".repeat(w + 2)).join(m)}${r}`;
  const row = (cells: readonly string[]) =>
    `│${widths.map((w, i) => ` ${(cells[i] ?? "").padEnd(w)} `).join("│")}│`;
  const total = widths.reduce((sum, w) => sum + w + 3, 1);
  const body = rows.flatMap((r, i) => (i === 0 ? [row(r)] : [line("├", "┼", "┤"), row(r)]));
  const head = showHeaders
    ? [title.padEnd(total), line("┌", "┬", "┐"), row(headers), line("├", "┼", "┤")]
    : [];
  return [...(showHeaders ? head : [line("┌", "┬", "┐")]), ...body, line("└", "┴", "┘")].join("\n");
}

/** The `errors` table of a refused request, in the chosen output mode, ending with a newline. */
export function renderErrors(
  errors: readonly { field?: string | undefined; reason: string }[],
  settings: OutputSettings,
): string {
  const headers = ["field", "reason"];
  const rows = errors.map((e) => [e.field ?? "", e.reason]);
  switch (settings.mode) {
    case "json":
      return `${renderJsonRows(headers, rows, settings.prettyJson)}\n`;
    case "delimited":
      return `${renderDelimited("errors", headers, rows, settings)}\n`;
    case "table":
      return `${renderTable("errors", headers, rows, settings.headers)}\n`;
  }
}
