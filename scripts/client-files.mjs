import openapiTS, { astToString } from "openapi-typescript";

const HEADER =
  "// Generated from Handset's OpenAPI document by `npm run client:generate`; do not edit.\n" +
  "// test/client/generated.test.ts fails when the server's document and this file differ.\n\n";

/**
 * The files of clients/typescript/ that follow from the OpenAPI document, by path under that folder:
 * the document itself and its TypeScript types (openapi-typescript).
 */
export async function renderClientFiles(document) {
  const types = astToString(await openapiTS(document, { alphabetize: false, exportType: false }));
  return {
    "openapi.json": `${JSON.stringify(document, null, 2)}\n`,
    "src/schema.ts": HEADER + types,
  };
}
