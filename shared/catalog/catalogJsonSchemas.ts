import { z } from 'zod';
import { CATALOG_FORMAT_2, CATALOG_FORMATS, catalogPackageSchema } from './catalogPackageSchema';
import { ATTRIBUTION_SCHEMA, attributionRecordSchema } from '../rights/attributionRecord';

/**
 * The published JSON Schemas (docs/*.schema.json), generated from the zod
 * schemas the app validates with — so the documentation cannot drift.
 * Check digits, cross-references and share sums are checked by the app
 * beyond what JSON Schema can say; docs/catalog-package.md lists them.
 */
export function catalogPackageJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(catalogPackageSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown> & {
    properties: Record<string, unknown>;
  };
  return {
    ...schema,
    $id: `https://stemroom.app/schemas/${CATALOG_FORMAT_2}.json`,
    title: `Stemroom catalog package manifest (${CATALOG_FORMATS.join(', ')})`,
    properties: { ...schema.properties, format: { type: 'string', enum: [...CATALOG_FORMATS] } },
  };
}

export function attributionRecordJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(attributionRecordSchema, { io: 'output', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { ...schema, $id: `https://stemroom.app/schemas/${ATTRIBUTION_SCHEMA}.json`, title: `Stemroom attribution record (${ATTRIBUTION_SCHEMA})` };
}
