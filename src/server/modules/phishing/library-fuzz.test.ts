import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { profileInput, type Tenant, templateInput, tenant } from './library-test-kit.js';

// Bad input anywhere in the library gets a 4xx with a field, never a 500.
describe('phishing library: arbitrary input', () => {
  let t: TestApp;
  let tn: Tenant;
  beforeAll(async () => {
    t = await makeTestApp();
    tn = await tenant(t);
  });
  afterAll(async () => t.close());

  const expectHandled = (status: number, body: string, ok: number[]) => {
    expect(status, body).not.toBe(500);
    if (!ok.includes(status)) {
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
      expect(JSON.parse(body).error.message.length).toBeGreaterThan(0);
    }
  };

  const exportLike = fc.oneof(
    fc.jsonValue(),
    fc.array(
      fc.record(
        {
          name: fc.oneof(fc.string(), fc.integer(), fc.constant('nul\u0000')),
          subject: fc.string(),
          html: fc.oneof(fc.string(), fc.constantFrom('<a href="{{.URL}}">x</a>', '{{.Tracker}}<p>{{.FirstName}}</p>')),
          text: fc.string(),
          envelope_sender: fc.string(),
          host: fc.oneof(fc.string(), fc.constantFrom('smtp.example.org:587', '[::1]:25', 'x:99999')),
          from_address: fc.oneof(fc.string(), fc.constant('A <a@b.example>')),
          headers: fc.array(fc.record({ key: fc.string(), value: fc.string() })),
          targets: fc.array(fc.record({ email: fc.oneof(fc.string(), fc.emailAddress(), fc.constant('a\u0000@b.example')) })),
          capture_credentials: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 4 },
    ),
  );

  it('import: any JSON for any kind is reported or refused', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('templates', 'landing_pages', 'groups', 'profiles'),
        exportLike,
        fc.boolean(),
        async (kind, data, dryRun) => {
          const res = await tn.admin.client.post(`${tn.base}/import`, { kind, data, dryRun });
          expectHandled(res.statusCode, res.body, [200]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('templates, landing pages and profiles: arbitrary fields are refused with a 4xx', async () => {
    const anyText = fc.oneof(fc.string(), fc.constantFrom('{{', '}}', '{{link}}', '<a href="{{link}}">', '\u0000', 'x'.repeat(300)));
    await fc.assert(
      fc.asyncProperty(anyText, anyText, fc.jsonValue(), async (subject, html, theme) => {
        const tpl = await tn.admin.client.post(`${tn.base}/templates`, templateInput({ theme }, { subject, html, cues: [] }));
        expectHandled(tpl.statusCode, tpl.body, [201]);
        const page = await tn.admin.client.post(`${tn.base}/landing-pages`, { kind: 'sign-in', texts: { fr: { title: subject, html } } });
        expectHandled(page.statusCode, page.body, [201]);
        const profile = await tn.admin.client.post(
          `${tn.base}/profiles`,
          profileInput({ host: subject, timeZone: html, extraHeaders: theme }),
        );
        expectHandled(profile.statusCode, profile.body, [201]);
      }),
      { numRuns: 40 },
    );
  });
});
