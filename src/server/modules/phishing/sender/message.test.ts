import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildSimulationEmail, htmlToText, type SimulationEmail } from './message.js';

const email = (over: Partial<SimulationEmail['recipient']> = {}): SimulationEmail => ({
  campaignId: 'campaign-1',
  token: 'AAAAAAAAAAAAAAAAAAAAAA',
  baseUrl: 'https://clic.test/',
  language: 'fr',
  template: {
    fromName: 'DSI {{organization}}',
    fromLocalPart: 'dsi',
    subject: 'Action requise, {{firstName}}',
    html: '<p>Bonjour {{firstName}} ({{service}}),</p><p><a href="{{link}}">Valider</a> avant le {{today}}.</p>{{trackingImage}}',
  },
  profile: {
    fromName: 'Profil',
    fromAddress: 'envoi@Hopital-Exemple.test',
    timeZone: 'Europe/Paris',
    extraHeaders: [{ name: 'Subject', value: 'x' }],
  },
  recipient: {
    email: 'c.martin@staff.test',
    firstName: 'Camille',
    lastName: 'Martin',
    service: 'Urgences',
    site: null,
    jobTitle: null,
    organization: 'CH Exemple',
    ...over,
  },
  reportAddress: 'signalement@test',
  now: new Date('2026-12-01T09:00:00Z'),
});

describe('simulation email', () => {
  it('renders placeholders, escapes the person’s data in HTML, and keeps the profile from overriding our headers', async () => {
    const built = await buildSimulationEmail(email({ firstName: '<b>Léa</b>' }));
    const parsed = await simpleParser(built.raw);
    expect(parsed.subject).toBe('Action requise, <b>Léa</b>'); // a subject is text, not HTML
    expect(parsed.from?.value[0]).toEqual({ name: 'DSI CH Exemple', address: 'dsi@hopital-exemple.test' });
    expect(parsed.html).toContain('Bonjour &#60;b&#62;Léa&#60;/b&#62; (Urgences)');
    expect(parsed.html).toContain('<a href="https://clic.test/c/AAAAAAAAAAAAAAAAAAAAAA">Valider</a> avant le 1 décembre 2026');
    expect(parsed.html).toContain('<img src="https://clic.test/o/AAAAAAAAAAAAAAAAAAAAAA.gif"');
    expect(parsed.text).toContain('Valider (https://clic.test/c/AAAAAAAAAAAAAAAAAAAAAA)');
    expect(parsed.headers.get('subject')).toBe('Action requise, <b>Léa</b>');
    expect(parsed.messageId).toBe(built.messageId);
    expect(built.messageId).toMatch(/@hopital-exemple\.test>$/);
    expect(built.envelopeFrom).toBe('envoi@Hopital-Exemple.test');
  });

  it('puts the report-link page in the body where the template asks for it, and in a header', async () => {
    const e = email();
    const built = await buildSimulationEmail({
      ...e,
      template: { ...e.template, html: `${e.template.html}<p><a href="{{reportLink}}">Signaler</a></p>` },
    });
    const parsed = await simpleParser(built.raw);
    expect(parsed.html).toContain('<a href="https://clic.test/r/AAAAAAAAAAAAAAAAAAAAAA">Signaler</a>');
    expect(parsed.text).toContain('Signaler (https://clic.test/r/AAAAAAAAAAAAAAAAAAAAAA)');
    expect(parsed.headers.get('x-rempart-report')).toBe('https://clic.test/r/AAAAAAAAAAAAAAAAAAAAAA');
  });

  it('derives readable text from HTML', () => {
    const html =
      '<html><head><style>p{color:red}</style><title>x</title></head><body><h1>Alerte&nbsp;!</h1><p>Ligne<br>suivante</p>' +
      '<ul><li>un</li><li>deux</li></ul><a href="https://a.test/x?y=1&amp;z=2">https://a.test/x?y=1&amp;z=2</a><!-- caché --></body></html>';
    expect(htmlToText(html)).toBe('Alerte !\n\nLigne\nsuivante\n\n- un\n\n- deux\n\nhttps://a.test/x?y=1&z=2');
  });
});
