import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { Invalid, type Message } from '../../platform/errors.js';
import { type Scenario, type ScenarioCell, type ScenarioPersona, type Stimulus, scenarioSchema } from './scenario-format.js';

/**
 * What zod cannot say about a scenario: ids unique, references that resolve (persona, cell, roles
 * the cell has, the earlier stimulus a conditional one waits for), spare stimuli off the timeline
 * and the others on it, every cell fed at least once, one cell for an establishment and several
 * for a territory. Each issue names its field path from `base`, as request validation does.
 */
export interface ScenarioIssue {
  field: string;
  code: string;
  message: Message;
}

const issue = (field: string, code: string, fr: string, en: string): ScenarioIssue => ({ field, code, message: { fr, en } });
const at = (base: string, path: string) => (base ? `${base}.${path}` : path);

function duplicates(ids: string[], path: (i: number) => string, what: { fr: string; en: string }): ScenarioIssue[] {
  const seen = new Set<string>();
  const out: ScenarioIssue[] = [];
  ids.forEach((id, i) => {
    if (seen.has(id)) out.push(issue(path(i), 'duplicate_id', `${what.fr} « ${id} » en double.`, `Duplicate ${what.en} "${id}".`));
    seen.add(id);
  });
  return out;
}

export interface ChronogramContext {
  cells: ScenarioCell[];
  personas: ScenarioPersona[];
}

/** The chronogram alone, against the cells and personas it refers to. */
export function stimuliIssues(stimuli: Stimulus[], ctx: ChronogramContext, base = 'stimuli'): ScenarioIssue[] {
  const out = duplicates(
    stimuli.map((s) => s.id),
    (i) => `${base}.${i}.id`,
    { fr: 'Stimulus', en: 'stimulus' },
  );
  const personas = new Set(ctx.personas.map((p) => p.id));
  const cells = new Map(ctx.cells.map((c) => [c.id, c]));
  const byId = new Map(stimuli.map((s) => [s.id, s]));
  stimuli.forEach((s, i) => {
    const path = `${base}.${i}`;
    if (!personas.has(s.personaId))
      out.push(issue(`${path}.personaId`, 'unknown_persona', `Émetteur « ${s.personaId} » inconnu.`, `Unknown sender "${s.personaId}".`));
    const cell = cells.get(s.target.cellId);
    if (!cell)
      out.push(
        issue(`${path}.target.cellId`, 'unknown_cell', `Cellule « ${s.target.cellId} » inconnue.`, `Unknown cell "${s.target.cellId}".`),
      );
    else {
      const missing = s.target.roles.filter((r) => !cell.roles.includes(r));
      if (missing.length > 0)
        out.push(
          issue(
            `${path}.target.roles`,
            'role_not_in_cell',
            `La cellule « ${cell.id} » n’a pas ce rôle : ${missing.join(', ')}.`,
            `Cell "${cell.id}" has no such role: ${missing.join(', ')}.`,
          ),
        );
    }
    if (s.spare && s.offsetMinutes !== undefined)
      out.push(
        issue(
          `${path}.offsetMinutes`,
          'spare_with_offset',
          'Un stimulus de réserve n’a pas d’heure : les animateurs le jouent à la main.',
          'A spare stimulus has no time: the animators play it by hand.',
        ),
      );
    if (!s.spare && s.offsetMinutes === undefined)
      out.push(
        issue(
          `${path}.offsetMinutes`,
          'offset_required',
          'Heure manquante (ou marquer le stimulus comme réserve).',
          'Time missing (or mark the stimulus as spare).',
        ),
      );
    const media = s.channel === 'press' || s.channel === 'social';
    if (s.media && !media)
      out.push(
        issue(
          `${path}.media`,
          'media_not_allowed',
          'La page média ne montre que la presse et les réseaux sociaux.',
          'The media page only shows press and social media.',
        ),
      );
    if (s.after) out.push(...afterIssues(s, `${path}.after.stimulusId`, byId));
  });
  for (const cell of ctx.cells)
    if (!stimuli.some((s) => s.target.cellId === cell.id && !s.spare))
      out.push(
        issue(
          base,
          'cell_without_stimulus',
          `La cellule « ${cell.id} » ne reçoit aucun stimulus du chronogramme.`,
          `Cell "${cell.id}" gets no stimulus from the chronogram.`,
        ),
      );
  return out;
}

/** A conditional stimulus waits for an earlier one: never itself, never a later one, never a loop. */
function afterIssues(s: Stimulus, field: string, byId: Map<string, Stimulus>): ScenarioIssue[] {
  const ref = byId.get(s.after!.stimulusId);
  if (!ref)
    return [issue(field, 'unknown_stimulus', `Stimulus « ${s.after!.stimulusId} » inconnu.`, `Unknown stimulus "${s.after!.stimulusId}".`)];
  if (s.offsetMinutes !== undefined && ref.offsetMinutes !== undefined && ref.offsetMinutes >= s.offsetMinutes)
    return [
      issue(
        field,
        'condition_not_earlier',
        `La condition doit porter sur un stimulus joué avant (« ${ref.id} » est à ${ref.offsetMinutes} min).`,
        `The condition must depend on an earlier stimulus ("${ref.id}" is at ${ref.offsetMinutes} min).`,
      ),
    ];
  const chain = new Set([s.id]);
  for (let cur: Stimulus | undefined = ref; cur; cur = cur.after ? byId.get(cur.after.stimulusId) : undefined) {
    if (chain.has(cur.id))
      return [issue(field, 'condition_loop', 'Ces conditions tournent en boucle.', 'These conditions go round in a loop.')];
    chain.add(cur.id);
  }
  return [];
}

export function scenarioIssues(s: Scenario, base = ''): ScenarioIssue[] {
  const out = [
    ...duplicates(
      s.objectives.map((o) => o.id),
      (i) => at(base, `objectives.${i}.id`),
      { fr: 'Objectif', en: 'objective' },
    ),
    ...duplicates(
      s.cells.map((c) => c.id),
      (i) => at(base, `cells.${i}.id`),
      { fr: 'Cellule', en: 'cell' },
    ),
    ...duplicates(
      s.personas.map((p) => p.id),
      (i) => at(base, `personas.${i}.id`),
      { fr: 'Émetteur', en: 'sender' },
    ),
    // The spreadsheet names senders by their French name: two alike could not be told apart.
    ...duplicates(
      s.personas.map((p) => p.name.fr.toLowerCase()),
      (i) => at(base, `personas.${i}.name.fr`),
      { fr: 'Nom d’émetteur', en: 'sender name' },
    ),
    ...stimuliIssues(s.stimuli, s, at(base, 'stimuli')),
  ];
  s.cells.forEach((c, i) => {
    if (new Set(c.roles).size !== c.roles.length)
      out.push(issue(at(base, `cells.${i}.roles`), 'duplicate_role', 'Rôle en double dans la cellule.', 'Duplicate role in the cell.'));
  });
  if (s.scope === 'establishment' && s.cells.length !== 1)
    out.push(
      issue(
        at(base, 'cells'),
        'one_cell_expected',
        'Un exercice d’établissement se joue avec une seule cellule.',
        'An establishment exercise is played by a single cell.',
      ),
    );
  if (s.scope === 'territory' && s.cells.length < 2)
    out.push(
      issue(
        at(base, 'cells'),
        'cells_expected',
        'Un exercice de territoire demande une cellule par rôle d’organisation (au moins deux).',
        'A territory exercise needs a cell per organization role (at least two).',
      ),
    );
  const cells = new Set(s.cells.map((c) => c.id));
  const stimuli = new Set(s.stimuli.map((x) => x.id));
  const marked = new Set<string>();
  s.milestones.forEach((m, i) => {
    const path = at(base, `milestones.${i}`);
    if (!cells.has(m.cellId))
      out.push(issue(`${path}.cellId`, 'unknown_cell', `Cellule « ${m.cellId} » inconnue.`, `Unknown cell "${m.cellId}".`));
    if (m.stimulusId !== undefined && !stimuli.has(m.stimulusId))
      out.push(
        issue(`${path}.stimulusId`, 'unknown_stimulus', `Stimulus « ${m.stimulusId} » inconnu.`, `Unknown stimulus "${m.stimulusId}".`),
      );
    if (marked.has(`${m.cellId}/${m.kind}`))
      out.push(
        issue(
          `${path}.kind`,
          'duplicate_milestone',
          `Jalon « ${m.kind} » en double pour la cellule « ${m.cellId} ».`,
          `Duplicate milestone "${m.kind}" for cell "${m.cellId}".`,
        ),
      );
    marked.add(`${m.cellId}/${m.kind}`);
  });
  return out;
}

/** Throws the first issue as a 400 naming its field. */
export function assertValidScenario(s: Scenario, base = 'body'): void {
  const first = scenarioIssues(s, base)[0];
  if (first) throw new Invalid(first.code, first.message, first.field);
}

export interface ScenarioFailure {
  file: string;
  id: string | null;
  field: string;
  message: string;
}

/** One YAML file into a checked scenario, or its failures naming the file, the id and the field. */
export function parseScenarioFile(file: string, yamlText: string): { scenario: Scenario | null; failures: ScenarioFailure[] } {
  let raw: unknown;
  try {
    raw = parse(yamlText);
  } catch (e) {
    return { scenario: null, failures: [{ file, id: null, field: '', message: `YAML: ${(e as Error).message}` }] };
  }
  const id = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? raw.id : null;
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success)
    return {
      scenario: null,
      failures: parsed.error.issues.map((i) => ({ file, id, field: i.path.join('.'), message: i.message })),
    };
  const failures = scenarioIssues(parsed.data).map((i) => ({ file, id, field: i.field, message: i.message.en }));
  if (parsed.data.id !== basename(file, '.yaml'))
    failures.push({ file, id, field: 'id', message: `"${parsed.data.id}" must match the file name` });
  return { scenario: failures.length === 0 ? parsed.data : null, failures };
}

export const SCENARIO_CONTENT_DIR = 'content/exercises/scenarios';

/** The library scenarios, sorted by file name, with every failure of every file. */
export function loadScenarioLibrary(dir: string = SCENARIO_CONTENT_DIR): { scenarios: Scenario[]; failures: ScenarioFailure[] } {
  const scenarios: Scenario[] = [];
  const failures: ScenarioFailure[] = [];
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.yaml'))
    .sort()) {
    const file = join(dir, f);
    const r = parseScenarioFile(file, readFileSync(file, 'utf8'));
    if (r.scenario) scenarios.push(r.scenario);
    failures.push(...r.failures);
  }
  return { scenarios, failures };
}
