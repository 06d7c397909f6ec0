// `npm run generate --workspace @ecloud/client`: writes src/generated/api-types.ts from the server's routes.

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { API_TYPES_FILE, renderApiTypes } from './render-api-types.js';

const text = await renderApiTypes();
await mkdir(dirname(API_TYPES_FILE), { recursive: true });
await writeFile(API_TYPES_FILE, text);
console.log(`wrote ${API_TYPES_FILE}`);
