/**
 * Every HighLevel operation the emulator implements. A new resource adds its route file's list
 * here; the operation table checks each `method + path` against the spec at startup.
 */
import type { RouteDef } from '../runtime.js';
import { contactNoteRoutes } from './contactNotes.js';
import { contactRoutes } from './contacts.js';
import { contactSearchRoutes } from './contactSearch.js';
import { contactTagRoutes } from './contactTags.js';
import { contactTaskRoutes } from './contactTasks.js';
import { upsertContactRoute } from './contactUpsert.js';
import { customFieldRoutes } from './customFields.js';
import { locationRoutes } from './locations.js';
import { locationTagRoutes } from './locationTags.js';

export const highLevelRoutes: RouteDef[] = [
  ...contactRoutes,
  upsertContactRoute,
  ...contactSearchRoutes,
  ...contactTagRoutes,
  ...contactNoteRoutes,
  ...contactTaskRoutes,
  ...customFieldRoutes,
  ...locationRoutes,
  ...locationTagRoutes,
];
