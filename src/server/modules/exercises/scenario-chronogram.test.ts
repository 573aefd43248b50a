import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableFromCsv, tableFromXlsx, tableToCsv, tableToXlsx } from '../suppliers/grid-sheets.js';
import type { TableRow } from '../suppliers/grid-table.js';
import { loadScenarioLibrary } from './scenario-check.js';
import { chronogramToRows, formatOffset, parseOffset, rowsToChronogram } from './scenario-chronogram.js';
import { chronogramColumns } from './scenario-format.js';

const { scenarios } = loadScenarioLibrary();
const ransomware = scenarios.find((s) => s.id === 'ransomware-hospital')!;
const territory = scenarios.find((s) => s.id === 'lab-software-provider')!;

/** Rows as a spreadsheet reader gives them: the header is line 1. */
const asRows = (headers: string[], lines: string[][]): TableRow[] =>
  lines.map((cells, i) => ({ line: i + 2, cells: Object.fromEntries(headers.map((h, j) => [h, cells[j] ?? ''])) }));

describe('chronogram spreadsheet', () => {
  it('round-trips every library chronogram through CSV', () => {
    expect(scenarios).toHaveLength(6);
    for (const s of scenarios) {
      const { table, issues } = tableFromCsv(tableToCsv(chronogramColumns, chronogramToRows(s.stimuli, s)));
      expect(issues, s.id).toEqual([]);
      const back = rowsToChronogram(table.headers, table.rows, s);
      expect(back.issues, s.id).toEqual([]);
      expect(back.stimuli, s.id).toEqual(s.stimuli);
    }
  });

  it('round-trips a territory chronogram through XLSX', async () => {
    const bytes = await tableToXlsx('Chronogramme', chronogramColumns, chronogramToRows(territory.stimuli, territory));
    const { table, issues } = await tableFromXlsx(bytes);
    expect(issues).toEqual([]);
    expect(rowsToChronogram(table.headers, table.rows, territory)).toEqual({ stimuli: territory.stimuli, issues: [] });
  });

  it('writes times, channels, senders and targets the way teams read them', () => {
    const [first] = chronogramToRows(ransomware.stimuli, ransomware);
    const row = Object.fromEntries(chronogramColumns.map((c, i) => [c, first![i]]));
    expect(row).toMatchObject({
      heure: 'H+00:00',
      canal: 'appel téléphonique',
      emetteur: 'Infirmière des urgences',
      destinataire: 'Cellule de crise du centre hospitalier / standard, DSI',
      reserve: '',
    });
    expect(formatOffset(95)).toBe('H+01:35');
    expect(['H+1:30', 't+01h30', '1:30', '90', '90 min', '+90'].map(parseOffset)).toEqual([90, 90, 90, 90, 90, 90]);
    expect(parseOffset('demain')).toBeNull();
  });

  it('reads a French-only sheet written by hand, with ids or labels and a single-cell target', () => {
    const headers = ['Heure', 'Canal', 'Émetteur', 'Destinataire', 'Objet', 'Contenu', 'Réaction attendue', 'Réserve', 'Condition', 'ID'];
    const lines = [
      ['0:45', 'Téléphone', 'infirmière des urgences', 'DSI; RSSI', 'Alerte', 'Écran rouge', 'Isoler', '', '', 'A1'],
      ['H+1:00', 'courriel', 'ars', 'direction', 'Point', 'Point demandé', 'Répondre', '', 'A1 : sans réaction', ''],
      ['', 'presse', 'journalist', 'communication', 'Article', 'Texte', 'Communiqué', 'oui', '', ''],
    ];
    const r = rowsToChronogram(headers, asRows(headers, lines), ransomware);
    expect(r.issues).toEqual([]);
    expect(r.stimuli!.map((s) => [s.id, s.offsetMinutes, s.channel, s.personaId, s.target.roles, s.spare, s.after])).toEqual([
      ['a1', 45, 'phone', 'night-nurse', ['it_director', 'security_officer'], undefined, undefined],
      ['s01', 60, 'email', 'ars', ['director'], undefined, { stimulusId: 'a1', condition: 'reaction_missing' }],
      ['s02', undefined, 'press', 'journalist', ['communication'], true, undefined],
    ]);
    expect(r.stimuli![0]!.subject).toEqual({ fr: 'Alerte', en: 'Alerte' });
  });

  it('names the line and the column of each problem', () => {
    const headers = [...chronogramColumns];
    const row = (over: Partial<Record<(typeof chronogramColumns)[number], string>>) =>
      chronogramColumns.map(
        (c) =>
          over[c] ??
          {
            heure: '10',
            canal: 'sms',
            emetteur: 'it-oncall',
            destinataire: 'hospital / RSSI',
            objet: 'o',
            objet_en: 's',
            contenu: 'c',
            contenu_en: 'c en',
            reaction_attendue: 'r',
            reaction_attendue_en: 'r en',
          }[c as string] ??
          '',
      );
    const lines = [
      row({ heure: 'midi' }),
      row({ canal: 'pigeon' }),
      row({ emetteur: 'Inconnu' }),
      row({ destinataire: 'hospital / chirurgien' }),
      row({ heure: '600' }),
      row({ reserve: 'peut-être', media: 'Journal' }),
      row({ objet_en: '' }),
    ];
    const r = rowsToChronogram(headers, asRows(headers, lines), ransomware);
    expect(r.stimuli).toBeNull();
    expect(r.issues.map((i) => `${i.line}:${i.column}:${i.code}`)).toEqual([
      '2:heure:invalid_offset',
      '3:canal:invalid_channel',
      '4:emetteur:unknown_persona',
      '5:destinataire:invalid_target',
      '7:reserve:invalid_spare',
      '7:media:invalid_media',
      '7:media_en:invalid_media',
      '6:heure:invalid_value',
      '8:objet_en:invalid_value',
    ]);
    expect(r.issues[1]!.message.fr).toContain('réseaux sociaux');
  });

  it('checks the sheet against the scenario: a condition on a later line, a cell left without stimulus', () => {
    const headers = [...chronogramColumns];
    const rows = chronogramToRows(territory.stimuli, territory).filter((r) => r[4]!.startsWith('Établissement support'));
    rows[0]![12] = 's19 : réaction donnée';
    const r = rowsToChronogram(headers, asRows(headers, rows), territory);
    expect(r.issues.map((i) => `${i.line}:${i.column}:${i.code}`)).toEqual([
      '2:condition:condition_not_earlier',
      'null:destinataire:cell_without_stimulus',
    ]);
  });

  it('refuses a sheet without its columns or without any line', () => {
    expect(rowsToChronogram(['heure', 'canal'], [], ransomware).issues.map((i) => i.column)).toEqual([
      'emetteur',
      'destinataire',
      'objet',
      'contenu',
      'reaction_attendue',
      null,
    ]);
  });

  it('never throws on arbitrary cells: a result or issues with a line and a column', () => {
    const word = fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.constantFrom('H+01:00', '90', 'sms', 'presse', 'ars', 'hospital / DSI', 'oui', 's01 : sans réaction', 'a | b', '|', '/', ''),
    );
    const headers = fc.oneof(
      fc.constant<string[]>([...chronogramColumns]),
      fc.array(fc.oneof(word, fc.constantFrom<string>(...chronogramColumns)), { maxLength: 16 }),
    );
    fc.assert(
      fc.property(headers, fc.array(fc.array(word, { maxLength: 16 }), { maxLength: 5 }), (hs, lines) => {
        const r = rowsToChronogram(hs, asRows(hs, lines), ransomware);
        if (r.stimuli === null) {
          expect(r.issues.length).toBeGreaterThan(0);
          for (const i of r.issues) {
            expect(i.message.fr.length).toBeGreaterThan(0);
            expect(i.message.en.length).toBeGreaterThan(0);
          }
        } else expect(r.issues).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});
