/** See client-files.mjs: the generated files of clients/typescript/, by path under that folder. */
export function renderClientFiles(document: unknown): Promise<Record<string, string>>;
