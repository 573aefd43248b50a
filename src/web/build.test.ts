import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

const out = mkdtempSync(join(tmpdir(), 'rempart-web-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('web build', () => {
  it('emits an index.html without inline scripts (the CSP allows script-src self only)', async () => {
    await build({
      configFile: join(import.meta.dirname, '../../vite.config.ts'),
      logLevel: 'silent',
      build: { outDir: out, emptyOutDir: true, sourcemap: false },
    });
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\/assets\/[^"]+\.js"/);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).toMatch(/<html lang="fr">/);
  }, 120_000);
});
