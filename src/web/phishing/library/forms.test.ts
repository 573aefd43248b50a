import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api.js';
import { fieldMessages, generalError, locateField } from './form-errors.js';
import { groupFieldErrors, groupFormOf, toCriteria, toGroupInput } from './group-form.js';
import { parseImportFile } from './import-file.js';
import { landingFormOf, startLandingLanguage, toLandingInput } from './landing-form.js';
import { emptyProfileForm, profileFormOf, toProfileInput } from './profile-form.js';
import { settingsFormOf, toSettingsInput } from './settings-form.js';
import {
  addCue,
  emptyTemplateForm,
  insertAt,
  removeCue,
  setCueKey,
  setCueText,
  startLanguage,
  type TemplateForm,
  toTemplateInput,
} from './template-form.js';
import type { Profile, TemplateText } from './types.js';

describe('server errors in forms', () => {
  it('puts shape and domain errors under the same path and opens the language named', () => {
    const err = new ApiError(400, 'invalid', 'body.texts.en.subject: too long', 'body.texts.en.subject', [
      { field: 'body.texts.en.subject', message: 'too long' },
      { field: 'body.theme', message: 'invalid theme' },
    ]);
    expect(fieldMessages(err)).toEqual({ 'texts.en.subject': 'too long', theme: 'invalid theme' });
    expect(locateField('texts.fr.html')).toEqual({ path: 'texts.fr.html', language: 'fr' });
    expect(locateField('name')).toEqual({ path: 'name', language: null });
    expect(fieldMessages(new Error('offline'))).toEqual({});
  });
});

const text = (over: Partial<TemplateText> = {}): TemplateText => ({
  title: ' Titre ',
  fromName: ' Service RH ',
  fromLocalPart: ' RH.Paie ',
  subject: ' Votre bulletin ',
  html: '<a href="{{link}}">x</a>',
  cues: [],
  premiseRationale: '',
  ...over,
});

describe('the template form', () => {
  it('sends only the languages started, trimmed, with no landing page as null', () => {
    const f = { ...emptyTemplateForm(), texts: { fr: text(), en: null } };
    const input = toTemplateInput(f);
    expect(Object.keys(input.texts)).toEqual(['fr']);
    expect(input.texts.fr).toMatchObject({ title: 'Titre', fromName: 'Service RH', fromLocalPart: 'rh.paie', subject: 'Votre bulletin' });
    expect(input.landingPageId).toBeNull();
  });

  it('keeps cue ids and categories the same in both languages', () => {
    let f: TemplateForm = { ...emptyTemplateForm(), texts: { fr: text(), en: text() } };
    f = addCue(addCue(f));
    expect(f.texts.fr?.cues.map((c) => c.id)).toEqual(['cue-1', 'cue-2']);
    expect(f.texts.en?.cues.map((c) => c.id)).toEqual(['cue-1', 'cue-2']);
    f = setCueKey(f, 1, { id: 'urgence', category: 'tactic' });
    f = setCueText(f, 'fr', 1, { label: 'Urgence' });
    expect(f.texts.en?.cues[1]).toMatchObject({ id: 'urgence', category: 'tactic', label: '' });
    expect(f.texts.fr?.cues[1]?.label).toBe('Urgence');
    f = removeCue(f, 0);
    expect(f.texts.fr?.cues.map((c) => c.id)).toEqual(['urgence']);
    expect(f.texts.en?.cues.map((c) => c.id)).toEqual(['urgence']);
    expect(addCue(f).texts.fr?.cues.map((c) => c.id)).toEqual(['urgence', 'cue-2']);
  });

  it('starts a translation from the other language: same HTML and cue ids, texts to write', () => {
    const fr = text({ cues: [{ id: 'lien', category: 'technical', label: 'Lien', explanation: 'Le lien mène ailleurs.' }] });
    const f = startLanguage({ ...emptyTemplateForm(), texts: { fr, en: null } }, 'en');
    expect(f.texts.en).toMatchObject({ title: '', subject: '', html: fr.html, fromName: fr.fromName });
    expect(f.texts.en?.cues).toEqual([{ id: 'lien', category: 'technical', label: '', explanation: '' }]);
  });

  it('inserts a placeholder at the cursor', () => {
    expect(insertAt('Bonjour ,', 8, 8, 'firstName')).toEqual({ value: 'Bonjour {{firstName}},', cursor: 21 });
    expect(insertAt('abc', 1, 2, 'link')).toEqual({ value: 'a{{link}}c', cursor: 9 });
  });
});

describe('the landing page form', () => {
  it('round-trips a page and starts a translation from the other HTML', () => {
    const f = landingFormOf({
      id: 'p',
      origin: 'custom',
      kind: 'webmail',
      title: 'T',
      languages: ['fr'],
      version: 1,
      archived: false,
      updatedAt: '',
      texts: { fr: { title: ' Connexion ', html: '<p>x</p>' } },
    });
    expect(toLandingInput(f)).toEqual({ kind: 'webmail', texts: { fr: { title: 'Connexion', html: '<p>x</p>' } } });
    expect(startLandingLanguage(f, 'en').texts.en).toEqual({ title: '', html: '<p>x</p>' });
  });
});

const profile: Profile = {
  id: 'p1',
  name: 'Relais',
  host: 'smtp.example.org',
  port: 587,
  tlsMode: 'starttls',
  username: 'simu',
  hasPassword: true,
  fromName: 'Service informatique',
  fromAddress: 'it@example.org',
  ratePerMinute: 30,
  windowDays: [1, 2, 3],
  windowStart: '08:00',
  windowEnd: '18:00',
  timeZone: 'Europe/Paris',
  extraHeaders: [{ name: 'X-Filter', value: 'ok' }],
  createdAt: '',
  updatedAt: '',
};

describe('the sending profile form', () => {
  it('keeps a stored password by leaving it out, removes it with null, replaces it when typed', () => {
    const f = profileFormOf(profile);
    expect('password' in toProfileInput(f)).toBe(false);
    expect(toProfileInput({ ...f, passwordAction: 'remove' }).password).toBeNull();
    expect(toProfileInput({ ...f, passwordAction: 'set', password: '' })).not.toHaveProperty('password');
    expect(toProfileInput({ ...f, passwordAction: 'set', password: 's3cret ' }).password).toBe('s3cret ');
  });

  it('sends numbers, sorted distinct days, no empty header rows, and no silent 0 for an empty box', () => {
    const input = toProfileInput({
      ...emptyProfileForm(),
      windowDays: [5, 1, 5],
      extraHeaders: [
        { name: ' ', value: '' },
        { name: ' X-A ', value: ' b ' },
      ],
    });
    expect(input.port).toBe(587);
    expect(input.ratePerMinute).toBe(60);
    expect(input.windowDays).toEqual([1, 5]);
    expect(input.extraHeaders).toEqual([{ name: 'X-A', value: 'b' }]);
    expect(input.username).toBeNull();
    expect(Number.isNaN(toProfileInput({ ...emptyProfileForm(), port: '' }).port)).toBe(true);
    expect(Number.isNaN(toProfileInput({ ...emptyProfileForm(), port: '2.5' }).port)).toBe(true);
  });
});

describe('the group form', () => {
  it('leaves empty criteria out ({} is all staff) and maps server fields to the inputs', () => {
    expect(toCriteria({ targeting: { roleFamilies: [], services: [' ', ''], sites: [] }, personIds: [] })).toEqual({});
    const f = groupFormOf({
      id: 'g',
      kind: 'exclusion',
      name: ' Direction ',
      criteria: { services: ['Urgences', 'Urgences'], personIds: ['a'] },
      createdAt: '',
      updatedAt: '',
    });
    expect(toGroupInput(f)).toEqual({ kind: 'exclusion', name: 'Direction', criteria: { services: ['Urgences'], personIds: ['a'] } });
    expect(groupFieldErrors({ 'criteria.personIds.2': 'other org', name: 'taken', 'criteria.services.0': 'bad' })).toEqual({
      personIds: 'other org',
      name: 'taken',
      services: 'bad',
    });
  });
});

describe('the settings form', () => {
  const saved = {
    anonymousDefault: true,
    retentionDays: 365,
    transparencyNote: '',
    reportAddress: 'signalement@example.org',
    imap: { host: 'imap.example.org', port: 993, tls: true, username: 'u', hasPassword: true, folder: 'INBOX' },
    updatedAt: 'x',
  };
  it('keeps the mailbox password unless replaced, and clears the mailbox with null', () => {
    const f = settingsFormOf(saved);
    expect(toSettingsInput(f)).toEqual({
      anonymousDefault: true,
      retentionDays: 365,
      transparencyNote: '',
      imap: { host: 'imap.example.org', port: 993, tls: true, username: 'u', folder: 'INBOX' },
    });
    expect(toSettingsInput({ ...f, imapPasswordAction: 'set', imapPassword: 'pw' }).imap).toHaveProperty('password', 'pw');
    expect(toSettingsInput({ ...f, imapEnabled: false }).imap).toBeNull();
  });
});

describe('the import file', () => {
  it('reads one object or a list, and says why it cannot', () => {
    expect(parseImportFile('\uFEFF{"name":"a"}')).toEqual({ ok: true, data: { name: 'a' }, count: 1 });
    expect(parseImportFile('[{"name":"a"},{"name":"b"}]')).toMatchObject({ ok: true, count: 2 });
    expect(parseImportFile('{oops')).toEqual({ ok: false, reason: 'not_json' });
    expect(parseImportFile('[1]')).toEqual({ ok: false, reason: 'not_object' });
    expect(parseImportFile('"x"')).toEqual({ ok: false, reason: 'not_object' });
    expect(parseImportFile(JSON.stringify(Array.from({ length: 1001 }, () => ({}))))).toEqual({ ok: false, reason: 'over_limit' });
  });
});

describe('the alert above the save button', () => {
  it('shows the whole error when no field took it, else only what no input shows', () => {
    const err = new Error('boom');
    expect(generalError(null, {}, [])).toBeNull();
    expect(generalError(err, {}, ['name'])).toBe(err);
    expect(generalError(err, { name: 'taken' }, ['name'])).toBeNull();
    expect(generalError(err, { 'texts.fr.cues.1.id': 'dup' }, ['texts.fr.cues.'])).toBeNull();
    expect((generalError(err, { name: 'taken', 'texts.fr': 'needed' }, ['name']) as Error).message).toBe('texts.fr — needed');
  });
});
