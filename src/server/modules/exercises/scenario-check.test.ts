import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { Invalid } from '../../platform/errors.js';
import { assertValidScenario, parseScenarioFile, scenarioIssues } from './scenario-check.js';
import { type Scenario, scenarioSchema } from './scenario-format.js';

const t = (fr: string, en: string) => ({ fr, en });

/** A small valid establishment scenario; each test breaks one thing. */
function sample(): Scenario {
  const stimulus = (id: string, offsetMinutes: number | undefined) => ({
    id,
    ...(offsetMinutes === undefined ? { spare: true } : { offsetMinutes }),
    channel: 'phone' as const,
    personaId: 'nurse',
    target: { cellId: 'hospital', roles: ['switchboard' as const] },
    subject: t('Appel', 'Call'),
    content: t('Un écran rouge', 'A red screen'),
    expectedReaction: t('Prévenir l’astreinte', 'Call the on-call'),
  });
  return scenarioSchema.parse({
    id: 'sample',
    version: 1,
    lastReviewed: '2026-11-29',
    level: 'beginner',
    scope: 'establishment',
    durationMinutes: 60,
    title: t('Exemple', 'Sample'),
    summary: t('Résumé', 'Summary'),
    objectives: [{ id: 'o1', text: t('Détecter', 'Detect'), criteria: [t('Vite', 'Quickly')] }],
    cells: [{ id: 'hospital', name: t('Hôpital', 'Hospital'), roles: ['director', 'switchboard'] }],
    personas: [{ id: 'nurse', name: t('Infirmière', 'Nurse'), function: t('De nuit', 'Night shift') }],
    stimuli: [stimulus('s01', 0), stimulus('s02', 30), stimulus('r01', undefined)],
    milestones: [{ kind: 'detection', cellId: 'hospital', stimulusId: 's01' }],
  });
}

const codes = (s: Scenario) => scenarioIssues(s).map((i) => `${i.field}:${i.code}`);

describe('scenario cross-checks', () => {
  it('accepts a consistent scenario', () => {
    expect(scenarioIssues(sample())).toEqual([]);
  });

  it('names duplicate ids and references that do not resolve', () => {
    const s = sample();
    s.stimuli[1]!.id = 's01';
    s.stimuli[0]!.personaId = 'ghost';
    s.stimuli[2]!.target = { cellId: 'nowhere', roles: ['director'] };
    s.milestones.push({ kind: 'detection', cellId: 'hospital', stimulusId: 'zzz' });
    expect(codes(s)).toEqual([
      'stimuli.1.id:duplicate_id',
      'stimuli.0.personaId:unknown_persona',
      'stimuli.2.target.cellId:unknown_cell',
      'milestones.1.stimulusId:unknown_stimulus',
      'milestones.1.kind:duplicate_milestone',
    ]);
  });

  it('keeps spare stimuli off the timeline and the others on it', () => {
    const s = sample();
    s.stimuli[2]!.offsetMinutes = 10;
    delete s.stimuli[1]!.offsetMinutes;
    expect(codes(s)).toEqual(['stimuli.1.offsetMinutes:offset_required', 'stimuli.2.offsetMinutes:spare_with_offset']);
  });

  it('targets only roles the cell has, and shows only press and social on the media page', () => {
    const s = sample();
    s.stimuli[0]!.target.roles = ['dpo', 'director'];
    s.stimuli[1]!.media = { source: t('Journal', 'Paper'), headline: t('Titre', 'Headline') };
    const issues = scenarioIssues(s);
    expect(issues.map((i) => i.code)).toEqual(['role_not_in_cell', 'media_not_allowed']);
    expect(issues[0]!.message.fr).toContain('dpo');
  });

  it('makes a conditional stimulus wait for an earlier one, never a later one or a loop', () => {
    const s = sample();
    s.stimuli[0]!.after = { stimulusId: 's02', condition: 'reaction_missing' };
    expect(codes(s)).toEqual(['stimuli.0.after.stimulusId:condition_not_earlier']);
    const loop = sample();
    loop.stimuli[2]!.after = { stimulusId: 'r01', condition: 'reaction_given' };
    expect(codes(loop)).toEqual(['stimuli.2.after.stimulusId:condition_loop']);
    const unknown = sample();
    unknown.stimuli[1]!.after = { stimulusId: 'nope', condition: 'reaction_given' };
    expect(codes(unknown)).toEqual(['stimuli.1.after.stimulusId:unknown_stimulus']);
    const fine = sample();
    fine.stimuli[1]!.after = { stimulusId: 's01', condition: 'reaction_given' };
    expect(codes(fine)).toEqual([]);
  });

  it('feeds every cell, one cell for an establishment, several for a territory', () => {
    const s = sample();
    s.cells.push({ id: 'clinic', name: t('Clinique', 'Clinic'), roles: ['director', 'director'] });
    expect(codes(s)).toEqual(['stimuli:cell_without_stimulus', 'cells.1.roles:duplicate_role', 'cells:one_cell_expected']);
    const territory = sample();
    territory.scope = 'territory';
    expect(codes(territory)).toEqual(['cells:cells_expected']);
  });

  it('refuses two senders with the same French name, since the spreadsheet names them so', () => {
    const s = sample();
    s.personas.push({ id: 'nurse2', name: t('infirmière', 'Other nurse'), function: t('De jour', 'Day shift') });
    expect(codes(s)).toEqual(['personas.1.name.fr:duplicate_id']);
  });

  it('leaves to zod the offsets beyond 8 h, a missing language and an unmarked milestone', () => {
    const raw = structuredClone(sample()) as Record<string, unknown> & Scenario;
    raw.stimuli[0]!.offsetMinutes = 481;
    (raw.title as { en?: string }).en = ' ';
    raw.milestones = [{ kind: 'declaration', cellId: 'hospital' }];
    const paths = scenarioSchema.safeParse(raw).error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['title.en', 'stimuli.0.offsetMinutes', 'milestones.0.stimulusId']);
  });

  it('throws the first issue as a 400 naming the request field', () => {
    const s = sample();
    s.stimuli[0]!.personaId = 'ghost';
    expect(() => assertValidScenario(s)).toThrow(Invalid);
    try {
      assertValidScenario(s);
    } catch (e) {
      expect((e as Invalid).field).toBe('body.stimuli.0.personaId');
      expect((e as Invalid).status).toBe(400);
    }
  });
});

describe('scenario files', () => {
  it('names the file, the id and the field of every failure', () => {
    const r = parseScenarioFile('content/x/broken.yaml', 'id: broken\nversion: 0\n');
    expect(r.scenario).toBeNull();
    expect(r.failures[0]).toMatchObject({ file: 'content/x/broken.yaml', id: 'broken', field: 'version' });
    expect(r.failures.length).toBeGreaterThan(5);
  });

  it('reports unreadable YAML and an id that differs from the file name', () => {
    expect(parseScenarioFile('a.yaml', 'id: [').failures[0]!.message).toMatch(/^YAML/);
    const r = parseScenarioFile('content/other-name.yaml', stringify(sample()));
    expect(r.failures).toEqual([
      { file: 'content/other-name.yaml', id: 'sample', field: 'id', message: '"sample" must match the file name' },
    ]);
    expect(parseScenarioFile('content/sample.yaml', stringify(sample())).scenario?.stimuli).toHaveLength(3);
  });
});
