// The client's types as they follow from the server's contract: the OpenAPI document is built in this
// process from the route table the server runs (not fetched from a running server, which could be another
// version), turned into TypeScript by openapi-typescript and formatted by the repository's Biome, so the
// committed file passes `biome check` and a regeneration compares byte for byte.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { openApiDocument } from '../../../examples/rest-server/src/openapi/openapi-document.js';
import { ALL_ROUTES } from '../../../examples/rest-server/src/routes/all-routes.js';

/** Where the generated types are committed. */
export const API_TYPES_FILE = fileURLToPath(new URL('../src/generated/api-types.ts', import.meta.url));

const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIOME = fileURLToPath(new URL('../../../node_modules/.bin/biome', import.meta.url));

const HEADER = `// GENERATED FILE — do not edit. \`npm run generate --workspace @ecloud/client\` writes it from the
// route table of examples/rest-server (through its OpenAPI document); test/api-types-sync.test.ts fails
// when it differs from what the routes give.
`;

/** The OpenAPI document exactly as the server serves it at `/v1/openapi.json`. */
export function contractDocument(): OpenAPI3 {
  // The version is fixed: it is the server's default and not part of any type.
  return openApiDocument(ALL_ROUTES, '0.1.0') as unknown as OpenAPI3;
}

/** The text of `src/generated/api-types.ts` for the routes as they are now. */
export async function renderApiTypes(): Promise<string> {
  const ast = await openapiTS(contractDocument(), {
    immutable: true,
    // A request field with a default (an instance's `description`) stays optional; answers are written
    // with zod's output schemas, where such fields are required anyway.
    defaultNonNullable: false,
    // `{ type: 'object' }` (a problem's `details`) means any object, not an object with no properties.
    emptyObjectsUnknown: true,
    silent: true,
  });
  return formatTypeScript(`${HEADER}\n${astToString(ast)}`);
}

/** Formats TypeScript source with the repository's Biome and configuration. */
function formatTypeScript(source: string): string {
  const biome = spawnSync(BIOME, ['format', `--stdin-file-path=${API_TYPES_FILE}`], {
    cwd: REPOSITORY_ROOT,
    input: source,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (biome.status !== 0) throw new Error(`biome format failed: ${biome.stderr || biome.stdout}`);
  return biome.stdout;
}
