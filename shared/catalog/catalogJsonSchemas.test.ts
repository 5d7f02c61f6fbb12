import fs from 'node:fs';
import { expect, it } from 'vitest';
import { attributionRecordJsonSchema, catalogPackageJsonSchema } from './catalogJsonSchemas';

it.each([
  ['docs/catalog-package.schema.json', catalogPackageJsonSchema],
  ['docs/attribution-record.schema.json', attributionRecordJsonSchema],
])('%s is up to date with the zod schema (npm run schemas)', (file, generate) => {
  expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(generate());
});

it('the catalog schema pins the format and requires what the importer requires', () => {
  const schema = catalogPackageJsonSchema() as { properties: Record<string, { enum?: string[] }>; required: string[] };
  expect(schema.properties.format!.enum).toEqual(['stemroom-catalog/1', 'stemroom-catalog/2']);
  expect(schema.required).toEqual(expect.arrayContaining(['format', 'package', 'parties', 'works', 'recordings']));
});
