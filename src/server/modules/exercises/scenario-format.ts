import { z } from 'zod';

/**
 * The shape of a crisis-exercise scenario, after the ANSSI method: objectives with what observers
 * watch, the cells that play (one per organization role in a territory), the personas who send
 * stimuli, the chronogram (timed stimuli, the animators' spare ones, and those that only fire
 * after an earlier reaction) and the milestones whose times the report measures. Library
 * scenarios live in content/exercises/scenarios; an organization's copy is stored in this shape.
 * Cross-references are checked in scenario-check.ts, which zod alone cannot do.
 */
const text = z.object({ fr: z.string().trim().min(1), en: z.string().trim().min(1) }).strict();
const key = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, "_" or "-"');

export const scenarioLevels = ['beginner', 'intermediate', 'confirmed'] as const;
export const scenarioScopes = ['establishment', 'territory'] as const;
export const cellRoles = [
  'director',
  'it_director',
  'security_officer',
  'communication',
  'medical_lead',
  'switchboard',
  'dpo',
  'other',
] as const;
export type CellRole = (typeof cellRoles)[number];
export const stimulusChannels = ['email', 'phone', 'sms', 'press', 'social', 'ars_request', 'internal_note', 'paper_form'] as const;
export type StimulusChannel = (typeof stimulusChannels)[number];
export const stimulusConditions = ['reaction_missing', 'reaction_given'] as const;
export type StimulusCondition = (typeof stimulusConditions)[number];
/** The times the report measures: to detect, to alert the lead establishment, the ARS, CERT Santé, and to declare. */
export const milestoneKinds = ['detection', 'alert_lead', 'alert_ars', 'alert_cert_sante', 'declaration'] as const;
export type MilestoneKind = (typeof milestoneKinds)[number];

/** Eight hours: a working day of play; longer crises are played in several exercises. */
export const MAX_OFFSET_MINUTES = 480;

export const objectiveSchema = z
  .object({
    id: key,
    text,
    /** What observers look for, one line of the observation grid each. */
    criteria: z.array(text).min(1).max(8),
  })
  .strict();

export const cellSchema = z
  .object({
    id: key,
    name: text,
    roles: z.array(z.enum(cellRoles)).min(1),
  })
  .strict();

export const personaSchema = z.object({ id: key, name: text, function: text }).strict();

export const stimulusSchema = z
  .object({
    id: key,
    /** Minutes after the start; absent for a spare stimulus, played by hand. */
    offsetMinutes: z.number().int().min(0).max(MAX_OFFSET_MINUTES).optional(),
    channel: z.enum(stimulusChannels),
    personaId: key,
    target: z.object({ cellId: key, roles: z.array(z.enum(cellRoles)).min(1) }).strict(),
    subject: text,
    content: text,
    expectedReaction: text,
    spare: z.boolean().optional(),
    /** Fires only if the players reacted (or did not) to an earlier stimulus. */
    after: z
      .object({ stimulusId: key, condition: z.enum(stimulusConditions) })
      .strict()
      .optional(),
    /** How a press article or a social post shows on the simulated media page. */
    media: z.object({ source: text, headline: text }).strict().optional(),
  })
  .strict();
export type Stimulus = z.infer<typeof stimulusSchema>;

export const milestoneSchema = z
  .object({
    kind: z.enum(milestoneKinds),
    cellId: key,
    /** The stimulus the players' reaction to marks the milestone (e.g. the declaration form). */
    stimulusId: key.optional(),
    /** The decision, as logged by the players, that marks it when no stimulus does. */
    decision: text.optional(),
  })
  .strict()
  .refine((m) => m.stimulusId !== undefined || m.decision !== undefined, {
    message: 'a milestone is marked by a stimulus or a decision',
    path: ['stimulusId'],
  });
export type Milestone = z.infer<typeof milestoneSchema>;

export const scenarioSchema = z
  .object({
    id: key,
    version: z.number().int().min(1),
    lastReviewed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
    level: z.enum(scenarioLevels),
    scope: z.enum(scenarioScopes),
    durationMinutes: z.number().int().min(30).max(MAX_OFFSET_MINUTES),
    title: text,
    summary: text,
    objectives: z.array(objectiveSchema).min(1).max(8),
    cells: z.array(cellSchema).min(1),
    personas: z.array(personaSchema).min(1),
    stimuli: z.array(stimulusSchema).min(1),
    milestones: z.array(milestoneSchema),
  })
  .strict();
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioCell = z.infer<typeof cellSchema>;
export type ScenarioPersona = z.infer<typeof personaSchema>;

/**
 * The chronogram as teams already write it in a spreadsheet, one line per stimulus, the same
 * columns in CSV and XLSX. French column names because the sheets are French; the `_en` columns
 * may be left out by a team that plays in French only (the French text is then used for both).
 */
export const chronogramColumns = [
  'id',
  'heure',
  'canal',
  'emetteur',
  'destinataire',
  'objet',
  'objet_en',
  'contenu',
  'contenu_en',
  'reaction_attendue',
  'reaction_attendue_en',
  'reserve',
  'condition',
  'media',
  'media_en',
] as const;
export type ChronogramColumn = (typeof chronogramColumns)[number];

export const channelLabels: Record<StimulusChannel, { fr: string; en: string }> = {
  email: { fr: 'courriel', en: 'email' },
  phone: { fr: 'appel téléphonique', en: 'phone call' },
  sms: { fr: 'SMS', en: 'text message' },
  press: { fr: 'article de presse', en: 'press article' },
  social: { fr: 'réseaux sociaux', en: 'social media' },
  ars_request: { fr: 'demande de l’ARS', en: 'ARS request' },
  internal_note: { fr: 'note interne', en: 'internal note' },
  paper_form: { fr: 'formulaire papier', en: 'paper form' },
};

export const roleLabels: Record<CellRole, { fr: string; en: string }> = {
  director: { fr: 'direction', en: 'director' },
  it_director: { fr: 'DSI', en: 'IT director' },
  security_officer: { fr: 'RSSI', en: 'security officer' },
  communication: { fr: 'communication', en: 'communication' },
  medical_lead: { fr: 'référent médical', en: 'medical lead' },
  switchboard: { fr: 'standard', en: 'switchboard' },
  dpo: { fr: 'DPO', en: 'DPO' },
  other: { fr: 'autre', en: 'other' },
};

export const conditionLabels: Record<StimulusCondition, { fr: string; en: string }> = {
  reaction_missing: { fr: 'sans réaction', en: 'no reaction' },
  reaction_given: { fr: 'réaction donnée', en: 'reaction given' },
};
