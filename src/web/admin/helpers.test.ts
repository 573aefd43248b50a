import { describe, expect, it } from 'vitest';
import { ApiError } from '../api.js';
import { jsonDiff } from './audit/jsonDiff.js';
import { formErrorsOf } from './components/formErrors.js';
import { qs } from './endpoints.js';
import { errorsCsv } from './import/errorsCsv.js';

describe('jsonDiff', () => {
  it('lists unchanged keys once and changed keys as before then after', () => {
    expect(jsonDiff('{"name":"CH Nord","city":"Lille"}', { name: 'CH du Nord', city: 'Lille', siret: null })).toEqual([
      { sign: '-', text: 'name: "CH Nord"' },
      { sign: '+', text: 'name: "CH du Nord"' },
      { sign: ' ', text: 'city: "Lille"' },
      { sign: '+', text: 'siret: null' },
    ]);
  });

  it('shows a creation (no before) as added lines and a removal as removed lines', () => {
    expect(jsonDiff(null, { active: true }).map((l) => l.sign)).toEqual(['+', '+', '+']);
    expect(jsonDiff({ active: true }, null).map((l) => l.sign)).toEqual(['-', '-', '-']);
    expect(jsonDiff(null, null)).toEqual([]);
  });
});

describe('formErrorsOf', () => {
  it('puts a field error on its input, nested issue paths included', () => {
    const e = new ApiError(400, 'invalid', 'SIRET invalide', 'siret', [{ field: 'body.siret', message: 'SIRET invalide' }]);
    expect(formErrorsOf(e, ['name', 'siret'])).toEqual({ byField: { siret: 'SIRET invalide' }, general: null });
  });

  it('keeps errors of no input of the form for the form as a whole', () => {
    const e = new ApiError(409, 'duplicate', 'Déjà présent', 'email');
    expect(formErrorsOf(e, ['name'])).toEqual({ byField: {}, general: 'Déjà présent' });
    expect(formErrorsOf(null, ['name'])).toEqual({ byField: {}, general: null });
  });
});

describe('qs', () => {
  it('drops empty filters and encodes the rest', () => {
    expect(qs({ q: 'Hélène & co', kind: '', page: 2, site: undefined, active: 'all' })).toBe(
      '?q=H%C3%A9l%C3%A8ne+%26+co&page=2&active=all',
    );
    expect(qs({ q: '' })).toBe('');
  });
});

describe('errorsCsv', () => {
  it('writes a semicolon CSV with a BOM, quoting cells that need it', async () => {
    const blob = errorsCsv(
      [
        { line: 3, field: 'email', reason: 'Adresse e-mail invalide : « x ».' },
        { line: 7, field: '', reason: 'Ligne illisible; "guillemet"' },
      ],
      ['Ligne', 'Champ', 'Motif'],
      (f) => (f ? `[${f}]` : 'Ligne entière'),
    );
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());
    expect(text).toBe(
      '\uFEFFLigne;Champ;Motif\r\n3;[email];Adresse e-mail invalide : « x ».\r\n7;Ligne entière;"Ligne illisible; ""guillemet"""\r\n',
    );
  });
});
