import { describe, expect, it } from 'vitest';
import { loadScenarioLibrary } from '../../src/server/modules/exercises/scenario-check.js';
import type { Scenario } from '../../src/server/modules/exercises/scenario-format.js';

// Every failure of every file, each naming its path, the scenario id and the field.
const { scenarios, failures } = loadScenarioLibrary('content/exercises/scenarios');
const byId = new Map(scenarios.map((s) => [s.id, s]));

/** Every French/English pair of a scenario, with where it sits, for the typography checks. */
function texts(s: Scenario): Array<{ at: string; fr: string; en: string }> {
  const out: Array<{ at: string; fr: string; en: string }> = [
    { at: 'title', ...s.title },
    { at: 'summary', ...s.summary },
  ];
  for (const o of s.objectives) out.push({ at: o.id, ...o.text }, ...o.criteria.map((c) => ({ at: `${o.id}.criteria`, ...c })));
  for (const p of s.personas) out.push({ at: p.id, ...p.name }, { at: `${p.id}.function`, ...p.function });
  for (const x of s.stimuli)
    out.push(
      { at: `${x.id}.subject`, ...x.subject },
      { at: `${x.id}.content`, ...x.content },
      { at: `${x.id}.expectedReaction`, ...x.expectedReaction },
    );
  for (const x of s.stimuli)
    if (x.media) out.push({ at: `${x.id}.media`, ...x.media.source }, { at: `${x.id}.media.headline`, ...x.media.headline });
  for (const m of s.milestones) if (m.decision) out.push({ at: `${m.cellId}.${m.kind}`, ...m.decision });
  return out;
}

describe('exercise scenario library', () => {
  it('validates every file against the format and its cross-checks', () => {
    expect(failures.map((f) => `${f.file} (${f.id ?? '?'}): ${f.field}: ${f.message}`)).toEqual([]);
  });

  it('holds the six scenarios of issue 7 at their level and scope', () => {
    const shape = Object.fromEntries(scenarios.map((s) => [s.id, `${s.level}/${s.scope}`]));
    expect(shape).toEqual({
      'ransomware-hospital': 'intermediate/establishment',
      'phishing-mailbox-takeover': 'beginner/establishment',
      'lab-software-provider': 'intermediate/territory',
      'personal-device-malware': 'beginner/establishment',
      'patient-portal-dos': 'intermediate/establishment',
      'data-theft-extortion': 'confirmed/territory',
    });
  });

  it('gives each scenario 3 to 5 objectives, 2 to 4 spare stimuli and a timeline of the announced size', () => {
    const minimum: Record<string, number> = {
      'ransomware-hospital': 18,
      'phishing-mailbox-takeover': 10,
      'lab-software-provider': 16,
      'personal-device-malware': 8,
      'patient-portal-dos': 10,
      'data-theft-extortion': 20,
    };
    for (const s of scenarios) {
      expect(s.objectives.length, s.id).toBeGreaterThanOrEqual(3);
      expect(s.objectives.length, s.id).toBeLessThanOrEqual(5);
      const spare = s.stimuli.filter((x) => x.spare).length;
      expect(spare, s.id).toBeGreaterThanOrEqual(2);
      expect(spare, s.id).toBeLessThanOrEqual(4);
      expect(s.stimuli.length - spare, s.id).toBeGreaterThanOrEqual(minimum[s.id] ?? 10);
      expect(
        s.milestones.map((m) => m.kind),
        s.id,
      ).toContain('declaration');
    }
  });

  it('plays the ransomware scenario through the channels of a health crisis', () => {
    const s = byId.get('ransomware-hospital')!;
    const channels = new Set(s.stimuli.map((x) => x.channel));
    for (const c of ['phone', 'ars_request', 'press', 'social', 'paper_form', 'email'] as const) expect(channels, c).toContain(c);
    expect(s.stimuli.some((x) => x.target.roles.includes('switchboard') && x.channel === 'phone')).toBe(true);
    expect(s.stimuli.some((x) => x.after)).toBe(true);
  });

  it('counts the NIS2 clocks and the CNIL in the extortion scenario', () => {
    const s = byId.get('data-theft-extortion')!;
    const all = s.stimuli
      .map((x) => `${x.content.fr} ${x.expectedReaction.fr}`)
      .join(' ')
      .replace(/\u00a0/g, ' ');
    for (const word of ['24 h', '72 h', 'un mois', 'CNIL']) expect(all, word).toContain(word);
  });

  it('writes French with non-breaking spaces and curly apostrophes, and English that is a translation', () => {
    for (const s of scenarios)
      for (const t of texts(s)) {
        expect(t.fr, `${s.id}/${t.at}`).not.toMatch(/ [?:;!»]|« |'/);
        expect(t.en, `${s.id}/${t.at}`).not.toMatch(/'/);
      }
    for (const s of scenarios) for (const x of s.stimuli) expect(x.content.en, `${s.id}/${x.id}`).not.toBe(x.content.fr);
  });
});
