import packageJson from "../package.json" with { type: "json" };

/**
 * Handset's version, from package.json. esbuild inlines the JSON into the bundle (scripts/bundle.mjs),
 * so the built CLI reads no file for it; vitest and tsc read it as a JSON module.
 */
export const HANDSET_VERSION: string = packageJson.version;
