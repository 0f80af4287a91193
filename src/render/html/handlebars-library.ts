/**
 * Handlebars, required on first use rather than imported: the portal index, the dashboards and the
 * serve pages need it only when they render, so a run that renders nothing (a no-op build) never
 * loads it.
 */
import { createRequire } from 'node:module';
import type HandlebarsModule from 'handlebars';

let loaded: typeof HandlebarsModule | null = null;

export const handlebars = (): typeof HandlebarsModule =>
  (loaded ??= createRequire(import.meta.url)('handlebars') as typeof HandlebarsModule);
