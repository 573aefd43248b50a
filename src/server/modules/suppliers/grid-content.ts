import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { gridIssues } from './grid-check.js';
import { type GridDefinition, gridDefinitionSchema } from './grid-definition.js';

/**
 * The catalogue grids, content/suppliers/grids/<id>.yaml: the id is the file name, the version is
 * bumped on every change (the start-up sync rewrites the row then), and the source names the
 * referential the questions paraphrase (CONTENT.md).
 */
export const GRID_CONTENT_DIR = 'content/suppliers/grids';

const text = z.object({ fr: z.string().min(1), en: z.string().min(1) });

export const gridContentSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
    version: z.number().int().min(1),
    lastReviewed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    source: z.string().min(1),
    title: text,
    sections: gridDefinitionSchema.shape.sections,
  })
  .strict();

export interface CatalogueGrid {
  id: string;
  version: number;
  title: { fr: string; en: string };
  definition: GridDefinition;
  file: string;
}

/** Every catalogue grid; the first broken file throws `file: field: reason`. */
export function loadGridCatalogue(dir: string = GRID_CONTENT_DIR): CatalogueGrid[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  return files.map((f) => {
    const file = join(dir, f);
    const parsed = gridContentSchema.safeParse(parse(readFileSync(file, 'utf8')));
    if (!parsed.success) {
      const first = parsed.error.issues[0]!;
      throw new Error(`${file}: ${first.path.join('.')}: ${first.message}`);
    }
    const c = parsed.data;
    if (c.id !== basename(f, '.yaml')) throw new Error(`${file}: id: "${c.id}" must match the file name`);
    const definition: GridDefinition = { sections: c.sections };
    const issue = gridIssues(definition, 'sections')[0];
    if (issue) throw new Error(`${file}: ${issue.field}: ${issue.message.en}`);
    return { id: c.id, version: c.version, title: c.title, definition, file };
  });
}
