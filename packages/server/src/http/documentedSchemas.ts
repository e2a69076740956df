/**
 * The document's view of schemas the server validates with outside the HTTP layer (the voice
 * settings, the booking event), so /openapi.json is built from the same zod schema that decides
 * what is accepted.
 */
import { z } from '@hono/zod-openapi';

type Shape = Record<string, z.ZodType>;

/**
 * `schema` ready for `.openapi()`, validating exactly like it. A schema built before
 * `@hono/zod-openapi` was first loaded lacks that method; a clone made now has it.
 *
 * @example const Body = documented(voiceSettingsSchema).openapi('VoiceSettingsInput');
 */
export function documented<T extends z.ZodType>(schema: T): T {
  return schema.clone();
}

/**
 * The document's schema of what an object schema parses to. /openapi.json describes a schema as
 * input, where a field with a default may be left out; in a response that field is always
 * there, so here it is required. Nested objects the same; descriptions are kept.
 *
 * @example const VoiceSettings = parsedSchema(voiceSettingsSchema).openapi('VoiceSettings');
 */
export function parsedSchema(schema: z.ZodObject): z.ZodObject {
  const shape: Shape = {};
  for (const [key, field] of Object.entries<z.ZodType>(schema.shape)) shape[key] = filled(field);
  return z.object(shape);
}

function filled(field: z.ZodType): z.ZodType {
  let inner = field;
  // The document shows the input side of a transform: the default sits there.
  if (inner instanceof z.ZodPipe && inner.out instanceof z.ZodTransform) {
    inner = inner.in as z.ZodType;
  }
  if (inner instanceof z.ZodDefault || inner instanceof z.ZodPrefault) {
    inner = inner.unwrap() as z.ZodType;
  }
  const parsed = inner instanceof z.ZodObject ? parsedSchema(inner) : inner;
  const meta = field.meta();
  return meta ? parsed.meta(meta) : parsed;
}
