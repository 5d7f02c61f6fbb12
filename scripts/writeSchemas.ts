/** `npm run schemas`: writes docs/*.schema.json from the zod schemas (a test fails when they are stale). */
import fs from 'node:fs';
import { attributionRecordJsonSchema, catalogPackageJsonSchema } from '../shared/catalog/catalogJsonSchemas';

fs.writeFileSync('docs/catalog-package.schema.json', `${JSON.stringify(catalogPackageJsonSchema(), null, 2)}\n`);
fs.writeFileSync('docs/attribution-record.schema.json', `${JSON.stringify(attributionRecordJsonSchema(), null, 2)}\n`);
console.log('wrote docs/catalog-package.schema.json and docs/attribution-record.schema.json');
