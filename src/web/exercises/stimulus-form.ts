import { type CellRole, type Channel, type Condition, MAX_OFFSET_MINUTES, type Stimulus, type StimulusInput } from './types.js';

/** Minutes after the start as spreadsheets write them: H+01:30. */
export function formatOffset(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `H+${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * Reads what a person types for an offset: "H+01:30", "h+1:30", "1:30", "90" (minutes) or "+90".
 * Null when it is not an offset within the eight hours of play.
 */
export function parseOffset(input: string): number | null {
  const s = input.trim().toUpperCase().replace(/\s+/g, '');
  let minutes: number;
  const hm = /^(?:H)?\+?(\d{1,2})[:H](\d{2})$/.exec(s);
  if (hm) {
    const mm = Number(hm[2]);
    if (mm > 59) return null;
    minutes = Number(hm[1]) * 60 + mm;
  } else if (/^\+?\d{1,3}$/.test(s)) {
    minutes = Number(s.replace('+', ''));
  } else return null;
  return minutes <= MAX_OFFSET_MINUTES ? minutes : null;
}

/** The editor's fields, all strings or flags so inputs stay controlled. */
export interface StimulusForm {
  code: string;
  offset: string;
  channel: Channel;
  personaId: string;
  targetCell: string;
  targetRoles: CellRole[];
  subjectFr: string;
  subjectEn: string;
  contentFr: string;
  contentEn: string;
  expectedFr: string;
  expectedEn: string;
  spare: boolean;
  afterCode: string;
  afterCondition: Condition;
  mediaSourceFr: string;
  mediaSourceEn: string;
  headlineFr: string;
  headlineEn: string;
}

export type FormField = keyof StimulusForm;
/** A field and the key of its message in the 'exercises' catalogue (form.errors.*). */
export type FormErrors = Partial<Record<FormField, string>>;

const mediaChannels: readonly Channel[] = ['press', 'social'];

/** A blank stimulus with the next free code (s01, s02…) and sensible first choices. */
export function emptyForm(existingCodes: readonly string[], personaId = '', targetCell = ''): StimulusForm {
  let n = existingCodes.length + 1;
  const code = () => `s${String(n).padStart(2, '0')}`;
  while (existingCodes.includes(code())) n++;
  return {
    code: code(),
    offset: '',
    channel: 'email',
    personaId,
    targetCell,
    targetRoles: ['director'],
    subjectFr: '',
    subjectEn: '',
    contentFr: '',
    contentEn: '',
    expectedFr: '',
    expectedEn: '',
    spare: false,
    afterCode: '',
    afterCondition: 'reaction_missing',
    mediaSourceFr: '',
    mediaSourceEn: '',
    headlineFr: '',
    headlineEn: '',
  };
}

export function toForm(s: Stimulus | StimulusInput): StimulusForm {
  return {
    code: s.id,
    offset: formatOffset(s.offsetMinutes),
    channel: s.channel,
    personaId: s.personaId,
    targetCell: s.target.cellId,
    targetRoles: [...s.target.roles],
    subjectFr: s.subject.fr,
    subjectEn: s.subject.en,
    contentFr: s.content.fr,
    contentEn: s.content.en,
    expectedFr: s.expectedReaction.fr,
    expectedEn: s.expectedReaction.en,
    spare: Boolean(s.spare),
    afterCode: s.after?.stimulusId ?? '',
    afterCondition: s.after?.condition ?? 'reaction_missing',
    mediaSourceFr: s.media?.source.fr ?? '',
    mediaSourceEn: s.media?.source.en ?? '',
    headlineFr: s.media?.headline.fr ?? '',
    headlineEn: s.media?.headline.en ?? '',
  };
}

// An English text left empty takes the French one, as the spreadsheet import does.
const both = (fr: string, en: string) => ({ fr: fr.trim(), en: en.trim() || fr.trim() });

/** Checks the form as the server would and builds the stimulus it expects. */
export function fromForm(f: StimulusForm): { input: StimulusInput; errors: null } | { input: null; errors: FormErrors } {
  const errors: FormErrors = {};
  const code = f.code.trim();
  if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(code)) errors.code = 'code';
  let offsetMinutes: number | undefined;
  if (f.offset.trim()) {
    const parsed = parseOffset(f.offset);
    if (parsed === null) errors.offset = 'offset';
    else offsetMinutes = parsed;
  } else if (!f.spare) errors.offset = 'offsetRequired';
  if (!f.personaId) errors.personaId = 'required';
  if (!f.targetCell) errors.targetCell = 'required';
  if (f.targetRoles.length === 0) errors.targetRoles = 'roles';
  if (!f.subjectFr.trim()) errors.subjectFr = 'required';
  if (!f.contentFr.trim()) errors.contentFr = 'required';
  if (!f.expectedFr.trim()) errors.expectedFr = 'required';
  const withMedia = mediaChannels.includes(f.channel) && Boolean(f.mediaSourceFr.trim() || f.headlineFr.trim());
  if (withMedia && !f.mediaSourceFr.trim()) errors.mediaSourceFr = 'required';
  if (withMedia && !f.headlineFr.trim()) errors.headlineFr = 'required';
  if (f.afterCode && f.afterCode === code) errors.afterCode = 'selfCondition';
  if (Object.keys(errors).length > 0) return { input: null, errors };
  const input: StimulusInput = {
    id: code,
    channel: f.channel,
    personaId: f.personaId,
    target: { cellId: f.targetCell, roles: f.targetRoles },
    subject: both(f.subjectFr, f.subjectEn),
    content: both(f.contentFr, f.contentEn),
    expectedReaction: both(f.expectedFr, f.expectedEn),
  };
  if (offsetMinutes !== undefined) input.offsetMinutes = offsetMinutes;
  if (f.spare) input.spare = true;
  if (f.afterCode) input.after = { stimulusId: f.afterCode, condition: f.afterCondition };
  if (withMedia) input.media = { source: both(f.mediaSourceFr, f.mediaSourceEn), headline: both(f.headlineFr, f.headlineEn) };
  return { input, errors: null };
}

const apiFields: Record<string, FormField> = {
  id: 'code',
  offsetMinutes: 'offset',
  channel: 'channel',
  personaId: 'personaId',
  'target.cellId': 'targetCell',
  'target.roles': 'targetRoles',
  'subject.fr': 'subjectFr',
  'subject.en': 'subjectEn',
  'content.fr': 'contentFr',
  'content.en': 'contentEn',
  'expectedReaction.fr': 'expectedFr',
  'expectedReaction.en': 'expectedEn',
  'after.stimulusId': 'afterCode',
  'after.condition': 'afterCondition',
  'media.source.fr': 'mediaSourceFr',
  'media.headline.fr': 'headlineFr',
};

/** The form field a server error names ("body.target.cellId", "after.stimulusId"…), if it is one. */
export function formFieldOf(apiField: string | undefined): FormField | null {
  if (!apiField) return null;
  const f = apiField.replace(/^body\./, '');
  return apiFields[f] ?? apiFields[f.replace(/\.\d+$/, '')] ?? null;
}

/** The ids in their new order after moving one row up (-1) or down (+1); unchanged at the ends. */
export function moved(ids: readonly string[], index: number, delta: -1 | 1): string[] {
  const to = index + delta;
  const out = [...ids];
  if (index < 0 || index >= ids.length || to < 0 || to >= ids.length) return out;
  [out[index], out[to]] = [out[to] as string, out[index] as string];
  return out;
}
