import { describe, expect, it } from 'vitest';
import { emptyForm, formatOffset, formFieldOf, fromForm, moved, parseOffset, toForm } from './stimulus-form.js';
import type { StimulusInput } from './types.js';

describe('offsets', () => {
  it('writes minutes as H+hh:mm', () => {
    expect(formatOffset(0)).toBe('H+00:00');
    expect(formatOffset(95)).toBe('H+01:35');
    expect(formatOffset(480)).toBe('H+08:00');
    expect(formatOffset(undefined)).toBe('');
  });

  it('reads what people type, within the eight hours of play', () => {
    expect(parseOffset('H+01:35')).toBe(95);
    expect(parseOffset(' h+1:05 ')).toBe(65);
    expect(parseOffset('2h30')).toBe(150);
    expect(parseOffset('90')).toBe(90);
    expect(parseOffset('+15')).toBe(15);
    expect(parseOffset('H+08:01')).toBeNull();
    expect(parseOffset('1:75')).toBeNull();
    expect(parseOffset('soon')).toBeNull();
    expect(parseOffset('')).toBeNull();
  });

  it('round-trips every minute of play', () => {
    for (let m = 0; m <= 480; m += 7) expect(parseOffset(formatOffset(m))).toBe(m);
  });
});

const stimulus: StimulusInput = {
  id: 's03',
  offsetMinutes: 45,
  channel: 'press',
  personaId: 'journalist',
  target: { cellId: 'lead', roles: ['communication', 'director'] },
  subject: { fr: 'Question de la presse', en: 'Press question' },
  content: { fr: 'Confirmez-vous la panne ?', en: 'Do you confirm the outage?' },
  expectedReaction: { fr: 'Renvoyer vers la communication', en: 'Refer to communication' },
  after: { stimulusId: 's02', condition: 'reaction_missing' },
  media: { source: { fr: 'La Gazette', en: 'The Gazette' }, headline: { fr: 'Panne à l’hôpital', en: 'Hospital outage' } },
};

describe('the stimulus form', () => {
  it('maps a stimulus to the form and back unchanged', () => {
    expect(fromForm(toForm(stimulus))).toEqual({ input: stimulus, errors: null });
  });

  it('names every missing or wrong field', () => {
    const f = { ...emptyForm([]), code: 'S 1', offset: 'later', targetRoles: [] };
    expect(fromForm(f).errors).toEqual({
      code: 'code',
      offset: 'offset',
      personaId: 'required',
      targetCell: 'required',
      targetRoles: 'roles',
      subjectFr: 'required',
      contentFr: 'required',
      expectedFr: 'required',
    });
  });

  it('lets a spare stimulus go without an offset, and fills English from French', () => {
    const f = { ...toForm(stimulus), offset: '', spare: true, subjectEn: '', channel: 'email' as const, afterCode: '' };
    const r = fromForm(f);
    expect(r.errors).toBeNull();
    expect(r.input?.offsetMinutes).toBeUndefined();
    expect(r.input?.spare).toBe(true);
    expect(r.input?.subject).toEqual({ fr: 'Question de la presse', en: 'Question de la presse' });
    expect(r.input?.media).toBeUndefined();
    expect(r.input?.after).toBeUndefined();
    expect(fromForm({ ...f, spare: false }).errors).toEqual({ offset: 'offsetRequired' });
  });

  it('refuses a stimulus conditional on itself', () => {
    expect(fromForm({ ...toForm(stimulus), afterCode: 's03' }).errors).toEqual({ afterCode: 'selfCondition' });
  });

  it('gives the next free code', () => {
    expect(emptyForm([]).code).toBe('s01');
    expect(emptyForm(['s01', 's03']).code).toBe('s04');
    expect(emptyForm(['s03', 'x']).code).toBe('s04');
  });

  it('finds the form field a server error names', () => {
    expect(formFieldOf('body.target.cellId')).toBe('targetCell');
    expect(formFieldOf('after.stimulusId')).toBe('afterCode');
    expect(formFieldOf('body.target.roles.0')).toBe('targetRoles');
    expect(formFieldOf('id')).toBe('code');
    expect(formFieldOf('stimulusIds')).toBeNull();
    expect(formFieldOf(undefined)).toBeNull();
  });
});

describe('reordering', () => {
  it('swaps a row with its neighbour and leaves the ends alone', () => {
    expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
