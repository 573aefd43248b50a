import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planBody } from '../../../../server/modules/suppliers/findings-schema.js';
import { baseKeysOf, emptyKeys, typographyFaults, usedKeys } from '../../../i18n/catalogue-checks.js';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import {
  findingStatuses,
  hasRemediation,
  isCalendarDay,
  type ProviderFinding,
  parisToday,
  planBodyOf,
  planProblems,
  providerActions,
  remediationApi,
  replaceFinding,
  severities,
  stepOverdue,
  stepsDone,
} from './remediation-logic.js';

const finding = (over: Partial<ProviderFinding> = {}): ProviderFinding => ({
  id: 'f1',
  questionId: null,
  title: 'MFA',
  description: '',
  severity: 'high',
  status: 'open',
  dueOn: '2026-12-29',
  overdue: false,
  closedAt: null,
  planProposedBy: null,
  steps: [],
  evidence: [],
  ...over,
});

describe('planProblems', () => {
  it('names the field of each problem as the server does', () => {
    expect(
      planProblems([
        { description: '  ', dueOn: '2026-12-01' },
        { description: 'Déployer le MFA', dueOn: '' },
        { description: 'x'.repeat(2001), dueOn: '2026-02-30' },
      ]),
    ).toEqual({
      'steps.0.description': 'required',
      'steps.1.dueOn': 'dateRequired',
      'steps.2.description': 'tooLong',
      'steps.2.dueOn': 'dateInvalid',
    });
    expect(planProblems([])).toEqual({ steps: 'tooFew' });
    expect(planProblems(Array.from({ length: 51 }, () => ({ description: 'a', dueOn: '2027-01-01' })))).toEqual({ steps: 'tooMany' });
    expect(planProblems([{ description: ' Former les intervenants ', dueOn: '2027-01-15' }])).toEqual({});
  });

  it('lets through exactly what the server accepts', () => {
    const day = fc.oneof(
      fc.constantFrom('', '2026-02-29', '2028-02-29', '2026-13-01', '2026-1-5', 'demain', '2026-12-31'),
      fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    );
    const description = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(' ', '\t\n', 'x'.repeat(2000), ` ${'y'.repeat(2000)} `));
    fc.assert(
      fc.property(fc.array(fc.record({ description, dueOn: day }), { maxLength: 52 }), (steps) => {
        const clientOk = Object.keys(planProblems(steps)).length === 0;
        expect(clientOk).toBe(planBody.safeParse(planBodyOf(steps)).success);
      }),
      { numRuns: 300 },
    );
  });

  it('trims descriptions in the body it sends', () => {
    expect(planBodyOf([{ description: '  Couper les comptes partagés ', dueOn: '2027-01-01' }])).toEqual({
      steps: [{ description: 'Couper les comptes partagés', dueOn: '2027-01-01' }],
    });
  });
});

describe('isCalendarDay', () => {
  it('accepts real days only', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-04-31')).toBe(false);
    expect(isCalendarDay('29/11/2026')).toBe(false);
  });
});

describe('providerActions', () => {
  it('follows the plan life cycle and who proposed', () => {
    expect(providerActions(finding(), false)).toEqual({ propose: true, agree: false, awaitingEstablishment: false, markDone: false });
    expect(providerActions(finding({ status: 'plan_proposed', planProposedBy: 'provider' }), false)).toEqual({
      propose: true,
      agree: false,
      awaitingEstablishment: true,
      markDone: false,
    });
    expect(providerActions(finding({ status: 'plan_proposed', planProposedBy: 'establishment' }), false)).toMatchObject({
      propose: true,
      agree: true,
    });
    expect(providerActions(finding({ status: 'plan_agreed' }), false)).toMatchObject({ propose: false, agree: false, markDone: true });
    expect(providerActions(finding({ status: 'closed' }), false)).toMatchObject({ propose: false, agree: false, markDone: false });
  });

  it('allows nothing once the audit is closed', () => {
    for (const status of ['open', 'plan_proposed', 'plan_agreed'] as const) {
      expect(providerActions(finding({ status, planProposedBy: 'establishment' }), true)).toMatchObject({
        propose: false,
        agree: false,
        markDone: false,
      });
    }
  });
});

describe('deadlines and progress', () => {
  it('flags a step left to do after its deadline', () => {
    expect(stepOverdue({ status: 'todo', dueOn: '2026-11-28' }, '2026-11-29')).toBe(true);
    expect(stepOverdue({ status: 'todo', dueOn: '2026-11-29' }, '2026-11-29')).toBe(false);
    expect(stepOverdue({ status: 'done', dueOn: '2026-11-01' }, '2026-11-29')).toBe(false);
  });

  it('counts the day in Paris, not in UTC', () => {
    expect(parisToday(new Date('2026-11-29T23:30:00Z'))).toBe('2026-11-30');
    expect(parisToday(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });

  it('counts steps done', () => {
    const step = (status: 'todo' | 'done') => ({ id: status, description: 'd', dueOn: '2027-01-01', status, doneAt: null });
    expect(stepsDone(finding({ steps: [step('done'), step('todo'), step('todo')] }))).toEqual({ done: 1, total: 3 });
  });

  it('shows the section from the review on', () => {
    expect(['planned', 'open', 'submitted', 'cancelled'].some((s) => hasRemediation(s as 'open'))).toBe(false);
    expect(['in_review', 'remediation', 'closed'].every((s) => hasRemediation(s as 'closed'))).toBe(true);
  });
});

describe('remediationApi and replaceFinding', () => {
  it('encodes ids and names the finding of a remediation file', () => {
    expect(remediationApi.stepDone('a/1', 'f 2', 's?3')).toBe('/api/portal/audits/a%2F1/findings/f%202/steps/s%3F3/done');
    expect(remediationApi.upload('a1', 'f2', 'preuve mfa.pdf')).toBe(
      '/api/portal/audits/a1/evidence?filename=preuve%20mfa.pdf&findingId=f2',
    );
  });

  it('replaces the finding that changed and keeps the order', () => {
    const list = [finding({ id: 'a' }), finding({ id: 'b' })];
    expect(replaceFinding(list, finding({ id: 'b', status: 'plan_agreed' })).map((f) => [f.id, f.status])).toEqual([
      ['a', 'open'],
      ['b', 'plan_agreed'],
    ]);
  });
});

describe('the remediation texts (fr.json / en.json)', () => {
  const frKeys = baseKeysOf(fr);
  it('French and English hold the same keys, none empty, French typography kept', () => {
    expect([...baseKeysOf(en)].sort()).toEqual([...frKeys].sort());
    expect(emptyKeys(fr, en)).toEqual([]);
    expect(typographyFaults(fr)).toEqual([]);
  });

  it('holds every remediation key the portal pages use, and every severity and status', () => {
    const dir = import.meta.dirname;
    const used = readdirSync(dir)
      .filter((f) => /^Remediation.*\.tsx$/.test(f))
      .flatMap((f) => usedKeys(readFileSync(`${dir}/${f}`, 'utf8')).filter((k) => k.startsWith('remediation.')));
    expect(used.length).toBeGreaterThan(20);
    for (const s of severities) used.push(`remediation.severity.${s}`);
    for (const s of findingStatuses) used.push(`remediation.status.${s}`);
    for (const p of ['required', 'tooLong', 'dateRequired', 'dateInvalid', 'tooFew', 'tooMany']) used.push(`remediation.form.errors.${p}`);
    expect(used.filter((k) => !frKeys.has(k))).toEqual([]);
  });
});
