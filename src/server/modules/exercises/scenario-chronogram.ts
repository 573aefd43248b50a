import { type FileIssue, fileIssue, type TableRow } from '../suppliers/grid-table.js';
import { type ChronogramContext, stimuliIssues } from './scenario-check.js';
import {
  type CellRole,
  type ChronogramColumn,
  cellRoles,
  channelLabels,
  chronogramColumns,
  conditionLabels,
  roleLabels,
  type Stimulus,
  type StimulusChannel,
  type StimulusCondition,
  stimulusChannels,
  stimulusConditions,
  stimulusSchema,
} from './scenario-format.js';

/**
 * The chronogram as spreadsheet rows and back. Pure: the codecs of suppliers/grid-sheets.ts turn
 * CSV and XLSX files into rows; this turns rows into stimuli checked against the scenario's cells
 * and personas, or into issues naming the line and the column. Cells are read the way teams write
 * them: "H+01:30" or "90" for the time, French or English labels or ids for channels, roles and
 * senders, "s05 : sans réaction" for a condition.
 */

/** Compares what people type: no case, no accents, single spaces, curly apostrophes straightened. */
const norm = (v: string): string =>
  v
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase();

function lookup<T extends string>(ids: readonly T[], labels: Record<T, { fr: string; en: string }>, extra: Record<string, T> = {}) {
  const map = new Map<string, T>(Object.entries(extra).map(([k, v]) => [norm(k), v]));
  for (const id of ids) for (const name of [id, labels[id].fr, labels[id].en]) map.set(norm(name), id);
  return (v: string): T | undefined => map.get(norm(v));
}

const channelOf = lookup(stimulusChannels, channelLabels, {
  mail: 'email',
  'e-mail': 'email',
  courriel: 'email',
  appel: 'phone',
  telephone: 'phone',
  presse: 'press',
  'reseaux sociaux': 'social',
  'reseau social': 'social',
  ars: 'ars_request',
  'demande ars': 'ars_request',
  note: 'internal_note',
  formulaire: 'paper_form',
  papier: 'paper_form',
});
const roleOf = lookup(cellRoles, roleLabels, { direction: 'director', directeur: 'director', standardiste: 'switchboard' });
const conditionOf = lookup(stimulusConditions, conditionLabels, {
  'pas de reaction': 'reaction_missing',
  'si pas de reaction': 'reaction_missing',
  'si reaction': 'reaction_given',
  reaction: 'reaction_given',
});

export function formatOffset(minutes: number): string {
  return `H+${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "H+1:30", "T+01h30", "1:30", "90", "90 min" -> minutes; null when unreadable. */
export function parseOffset(v: string): number | null {
  const t = norm(v).replace(/^[ht]\s*\+\s*/, '');
  const hm = /^(\d{1,2})\s*[:h]\s*(\d{2})$/.exec(t);
  if (hm) return Number(hm[1]) * 60 + Number(hm[2]);
  const min = /^\+?\s*(\d{1,4})\s*(min)?$/.exec(t);
  return min ? Number(min[1]) : null;
}

const pair = (s: { source: { fr: string; en: string }; headline: { fr: string; en: string } } | undefined, lang: 'fr' | 'en') =>
  s ? `${s.source[lang]} | ${s.headline[lang]}` : '';

/** One row per stimulus, in chronogram order, aligned with `chronogramColumns`. */
export function chronogramToRows(stimuli: Stimulus[], ctx: ChronogramContext): string[][] {
  const persona = new Map(ctx.personas.map((p) => [p.id, p.name.fr]));
  const cell = new Map(ctx.cells.map((c) => [c.id, c.name.fr]));
  return stimuli.map((s) => {
    const cells: Record<ChronogramColumn, string> = {
      id: s.id,
      heure: s.offsetMinutes === undefined ? '' : formatOffset(s.offsetMinutes),
      canal: channelLabels[s.channel].fr,
      emetteur: persona.get(s.personaId) ?? s.personaId,
      destinataire: `${cell.get(s.target.cellId) ?? s.target.cellId} / ${s.target.roles.map((r) => roleLabels[r].fr).join(', ')}`,
      objet: s.subject.fr,
      objet_en: s.subject.en,
      contenu: s.content.fr,
      contenu_en: s.content.en,
      reaction_attendue: s.expectedReaction.fr,
      reaction_attendue_en: s.expectedReaction.en,
      reserve: s.spare ? 'oui' : '',
      condition: s.after ? `${s.after.stimulusId} : ${conditionLabels[s.after.condition].fr}` : '',
      media: pair(s.media, 'fr'),
      media_en: pair(s.media, 'en'),
    };
    return chronogramColumns.map((c) => cells[c]);
  });
}

/** "Réaction attendue" or "reaction-attendue" as written in a sheet -> reaction_attendue. */
const headerKey = (h: string): string => norm(h).replace(/[\s-]+/g, '_');

const required: ChronogramColumn[] = ['heure', 'canal', 'emetteur', 'destinataire', 'objet', 'contenu', 'reaction_attendue'];

/** Which column of the sheet a field of a stimulus comes from. */
const fieldColumns: Partial<Record<string, [ChronogramColumn, ChronogramColumn]>> = {
  offsetMinutes: ['heure', 'heure'],
  channel: ['canal', 'canal'],
  personaId: ['emetteur', 'emetteur'],
  target: ['destinataire', 'destinataire'],
  subject: ['objet', 'objet_en'],
  content: ['contenu', 'contenu_en'],
  expectedReaction: ['reaction_attendue', 'reaction_attendue_en'],
  spare: ['reserve', 'reserve'],
  after: ['condition', 'condition'],
  media: ['media', 'media_en'],
};

function columnOf(path: readonly PropertyKey[]): ChronogramColumn {
  const [head = '', sub, lang] = path.map(String);
  return fieldColumns[head]?.[sub === 'en' || lang === 'en' ? 1 : 0] ?? 'id';
}

export interface ParsedChronogram {
  stimuli: Stimulus[] | null;
  issues: FileIssue[];
}

/** Rows (in file order) into stimuli; never throws, every problem is an issue with its line and column. */
export function rowsToChronogram(headers: string[], rows: TableRow[], ctx: ChronogramContext): ParsedChronogram {
  const issues: FileIssue[] = [];
  const heads = new Set(headers.map(headerKey));
  for (const c of required)
    if (!heads.has(c)) issues.push(fileIssue(1, c, 'missing_column', `Colonne « ${c} » absente.`, `Column "${c}" is missing.`));
  const filled = rows.filter((r) => Object.values(r.cells).some((v) => (v ?? '').trim() !== ''));
  if (filled.length === 0) issues.push(fileIssue(null, null, 'empty_file', 'Aucun stimulus dans le fichier.', 'No stimulus in the file.'));
  if (issues.length > 0) return { stimuli: null, issues };

  // Headers as written (any case or accent) to our column names.
  const byName = new Map(headers.map((h) => [headerKey(h), h]));
  const reader = (row: TableRow) => (c: ChronogramColumn) => (row.cells[byName.get(c) ?? c] ?? '').trim();
  // Ids are lower-case in Rempart; sheets often say "S01".
  const taken = new Set(filled.map((r) => reader(r)('id').toLowerCase()).filter(Boolean));
  let next = 0;
  const freshId = () => {
    let id: string;
    do id = `s${String(++next).padStart(2, '0')}`;
    while (taken.has(id));
    taken.add(id);
    return id;
  };
  const raws = filled.map((row) => readStimulus(row, reader(row), heads, ctx, freshId, issues));
  const stimuli: Stimulus[] = [];
  raws.forEach((raw, i) => {
    const row = filled[i]!;
    const parsed = stimulusSchema.safeParse(raw);
    if (parsed.success) {
      stimuli.push(parsed.data);
      return;
    }
    for (const z of parsed.error.issues) {
      const column = columnOf(z.path);
      if (issues.some((x) => x.line === row.line && x.column === column)) continue;
      issues.push(fileIssue(row.line, column, 'invalid_value', `Valeur invalide : ${z.message}.`, `Invalid value: ${z.message}.`));
    }
  });
  if (issues.length > 0) return { stimuli: null, issues };
  for (const i of stimuliIssues(stimuli, ctx, 'stimuli')) {
    const [, index, ...rest] = i.field.split('.');
    const row = index === undefined ? undefined : filled[Number(index)];
    issues.push({ line: row?.line ?? null, column: row ? columnOf(rest) : 'destinataire', code: i.code, message: i.message });
  }
  return { stimuli: issues.length === 0 ? stimuli : null, issues };
}

function readStimulus(
  row: TableRow,
  cell: (c: ChronogramColumn) => string,
  heads: Set<string>,
  ctx: ChronogramContext,
  freshId: () => string,
  issues: FileIssue[],
): Record<string, unknown> {
  const problem = (column: ChronogramColumn, code: string, fr: string, en: string) =>
    issues.push(fileIssue(row.line, column, code, fr, en));
  // A team playing in French only leaves the English columns out: the French text stands for both.
  const text = (fr: ChronogramColumn, en: ChronogramColumn) => ({ fr: cell(fr), en: heads.has(en) ? cell(en) : cell(fr) });
  const raw: Record<string, unknown> = {
    id: cell('id').toLowerCase() || freshId(),
    subject: text('objet', 'objet_en'),
    content: text('contenu', 'contenu_en'),
    expectedReaction: text('reaction_attendue', 'reaction_attendue_en'),
  };

  const reserve = norm(cell('reserve'));
  if (['oui', 'o', 'x', 'yes', 'y', 'true', '1', 'reserve'].includes(reserve)) raw.spare = true;
  else if (!['', 'non', 'n', 'no', 'false', '0'].includes(reserve))
    problem('reserve', 'invalid_spare', 'Réserve : « oui » ou vide.', 'Spare: "oui" (yes) or empty.');

  const time = cell('heure');
  if (time) {
    const minutes = parseOffset(time);
    if (minutes === null)
      problem(
        'heure',
        'invalid_offset',
        `Heure illisible « ${time} » (ex. H+01:30 ou 90).`,
        `Unreadable time "${time}" (e.g. H+01:30 or 90).`,
      );
    else raw.offsetMinutes = minutes;
  }

  const channel = channelOf(cell('canal'));
  if (channel) raw.channel = channel satisfies StimulusChannel;
  else
    problem(
      'canal',
      'invalid_channel',
      `Canal inconnu « ${cell('canal')} » (possibles : ${stimulusChannels.map((c) => channelLabels[c].fr).join(', ')}).`,
      `Unknown channel "${cell('canal')}" (possible: ${stimulusChannels.map((c) => channelLabels[c].en).join(', ')}).`,
    );

  const sender = norm(cell('emetteur'));
  const persona = ctx.personas.find((p) => [p.id, p.name.fr, p.name.en].some((n) => norm(n) === sender));
  if (persona) raw.personaId = persona.id;
  else problem('emetteur', 'unknown_persona', `Émetteur inconnu « ${cell('emetteur')} ».`, `Unknown sender "${cell('emetteur')}".`);

  raw.target = readTarget(cell('destinataire'), ctx, (fr, en) => problem('destinataire', 'invalid_target', fr, en));

  const cond = cell('condition');
  if (cond) {
    const m = /^([^\s:]+)\s*[:–-]?\s*(.*)$/.exec(cond);
    const condition: StimulusCondition | undefined = m ? conditionOf(m[2] ?? '') : undefined;
    if (m && condition) raw.after = { stimulusId: m[1]!.toLowerCase(), condition };
    else
      problem(
        'condition',
        'invalid_condition',
        `Condition illisible « ${cond} » (ex. « s05 : sans réaction » ou « s05 : réaction donnée »).`,
        `Unreadable condition "${cond}" (e.g. "s05: no reaction" or "s05: reaction given").`,
      );
  }

  const media = (c: ChronogramColumn) => {
    const [source = '', headline = '', ...more] = cell(c)
      .split('|')
      .map((p) => p.trim());
    if (more.length > 0 || !source || !headline) problem(c, 'invalid_media', 'Média : « source | titre ».', 'Media: "source | headline".');
    return { source, headline };
  };
  if (cell('media') || cell('media_en')) {
    const fr = media('media');
    const en = heads.has('media_en') ? media('media_en') : fr;
    raw.media = { source: { fr: fr.source, en: en.source }, headline: { fr: fr.headline, en: en.headline } };
  }
  return raw;
}

/** "Cellule / rôle, rôle", or just the roles when the scenario has a single cell. */
function readTarget(v: string, ctx: ChronogramContext, problem: (fr: string, en: string) => void): unknown {
  const cut = v.lastIndexOf('/');
  const cellText = cut < 0 ? '' : norm(v.slice(0, cut));
  const cell =
    cut < 0
      ? ctx.cells.length === 1
        ? ctx.cells[0]
        : undefined
      : ctx.cells.find((c) => [c.id, c.name.fr, c.name.en].some((n) => norm(n) === cellText));
  if (!cell) {
    problem(
      `Cellule inconnue ou absente dans « ${v} » (ex. « ${ctx.cells[0]?.name.fr ?? 'cellule'} / DSI, RSSI »).`,
      `Unknown or missing cell in "${v}" (e.g. "${ctx.cells[0]?.name.en ?? 'cell'} / IT director, security officer").`,
    );
    return undefined;
  }
  const names = v
    .slice(cut + 1)
    .split(/[,;+]/)
    .map((r) => r.trim())
    .filter(Boolean);
  const roles: CellRole[] = [];
  for (const n of names) {
    const role = roleOf(n);
    if (role) roles.push(role);
    else problem(`Rôle inconnu « ${n} ».`, `Unknown role "${n}".`);
  }
  return { cellId: cell.id, roles };
}
