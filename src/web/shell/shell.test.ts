import { describe, expect, it } from 'vitest';
import { ApiError } from '../api.js';
import { guardRedirect, routeForNext, safeReturnTo } from '../auth/flow.js';
import { signInErrorKey } from '../auth/options.js';
import { groupSecret, svgDataUrl } from '../auth/qr.js';
import { recoveryCodesFile } from '../auth/recovery-file.js';
import { initialLocale, localeCookie, localeFromCookie } from '../locale.js';
import type { Account, MeAnswer } from '../me.js';
import { accessibleText, contrastRatio, lightVariantText, primaryShade, rempartBlue } from '../theme.js';
import { describeError, fieldErrors } from './describe-error.js';
import { activeEntry, isActive, visibleNav } from './nav.js';
import { pickOrganization, pickTerritory } from './scope-choice.js';
import { pageTitle } from './title.js';

const account = (over: Partial<Account> = {}): Account => ({
  id: 'a1',
  email: 'rssi@ch-exemple.fr',
  displayName: 'Claire Martin',
  locale: 'fr',
  personId: null,
  personOrganizationId: null,
  mfaVerified: false,
  mfaEnrolmentRequired: false,
  grants: [],
  ...over,
});
const signedIn = (over: Partial<Account> = {}): MeAnswer => ({ signedIn: true, account: account(over) });

describe('returnTo', () => {
  it('keeps paths of this site', () => {
    expect(safeReturnTo('/admin/people?q=dupont')).toBe('/admin/people?q=dupont');
    expect(safeReturnTo('/')).toBe('/');
  });
  it('refuses anything that leaves the origin or loops into sign-in', () => {
    for (const bad of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      '/\t/evil',
      '',
      null,
      undefined,
    ]) {
      expect(safeReturnTo(bad)).toBe('/');
    }
    expect(safeReturnTo('/sign-in?returnTo=/x')).toBe('/');
    expect(safeReturnTo('/auth/totp')).toBe('/');
  });
  it('routes each sign-in answer', () => {
    expect(routeForNext('done', '/account')).toBe('/account');
    expect(routeForNext('totp', '/account')).toBe('/auth/totp?returnTo=%2Faccount');
    expect(routeForNext('totp_enrolment', '/')).toBe('/auth/totp/enrol');
    expect(routeForNext('done', '//evil.example')).toBe('/');
  });
});

describe('route guard', () => {
  it('sends a visitor to sign-in with the page to come back to', () => {
    expect(guardRedirect({ signedIn: false, account: null }, '/admin/people')).toBe('/sign-in?returnTo=%2Fadmin%2Fpeople');
    expect(guardRedirect({ signedIn: false, account: null }, '/')).toBe('/sign-in');
  });
  it('sends to TOTP enrolment when required', () => {
    expect(
      guardRedirect(
        signedIn({ mfaEnrolmentRequired: true, grants: [{ role: 'org_admin', scopeKind: 'organization', scopeId: 'o1' }] }),
        '/',
      ),
    ).toBe('/auth/totp/enrol');
  });
  it('asks an admin for the second factor, not a learner', () => {
    const admin = { grants: [{ role: 'org_admin', scopeKind: 'organization', scopeId: 'o1' }] };
    expect(guardRedirect(signedIn(admin), '/account')).toBe('/auth/totp?returnTo=%2Faccount');
    expect(guardRedirect(signedIn({ ...admin, mfaVerified: true }), '/account')).toBeNull();
    expect(guardRedirect(signedIn({ grants: [{ role: 'learner', scopeKind: 'organization', scopeId: 'o1' }] }), '/')).toBeNull();
  });
});

describe('language', () => {
  it('starts in French unless this browser chose otherwise', () => {
    expect(initialLocale(null, '')).toBe('fr');
    expect(initialLocale('en', '')).toBe('en');
    expect(initialLocale(null, 'a=b; rempart_locale=en')).toBe('en');
    expect(initialLocale('de', 'rempart_locale=xx')).toBe('fr');
  });
  it('writes the cookie the server reads', () => {
    expect(localeCookie('en', true)).toBe('rempart_locale=en; path=/; max-age=31536000; samesite=lax; secure');
    expect(localeFromCookie(localeCookie('en', false))).toBe('en');
  });
});

describe('errors shown to the user', () => {
  it('puts a named field next to its input', () => {
    const e = new ApiError(400, 'invalid', 'Adresse invalide', 'email');
    expect(describeError(e, ['email'])).toEqual({ field: 'email', key: null, message: 'Adresse invalide' });
    expect(describeError(e, ['password']).field).toBeNull();
    expect(fieldErrors(e, ['email'])).toEqual({ email: 'Adresse invalide' });
  });
  it('collects every field of a validation answer', () => {
    const e = new ApiError(400, 'invalid', 'x', 'email', [
      { field: 'email', message: 'Adresse invalide' },
      { field: 'password', message: 'Trop court' },
    ]);
    expect(fieldErrors(e, ['email', 'password'])).toEqual({ email: 'Adresse invalide', password: 'Trop court' });
  });
  it('words locked, too many, server and network failures itself', () => {
    expect(describeError(new ApiError(423, 'locked', 'verrouillé')).key).toBe('errors.locked');
    expect(describeError(new ApiError(429, 'too_many', 'trop')).key).toBe('errors.tooMany');
    expect(describeError(new ApiError(500, 'internal', 'boom')).key).toBe('errors.server');
    expect(describeError(new TypeError('Failed to fetch')).key).toBe('errors.network');
  });
  it('names known sign-in errors and falls back for others', () => {
    expect(signInErrorKey('oidc_unknown_email')).toBe('signIn.errors.oidc_unknown_email');
    expect(signInErrorKey('<script>')).toBe('signIn.errors.generic');
    expect(signInErrorKey(null)).toBeNull();
  });
});

describe('TOTP helpers', () => {
  it('turns the QR SVG into a data URL that decodes back, accents included', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><title>Clé é</title></svg>';
    const url = svgDataUrl(svg);
    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(Buffer.from(url.split(',')[1]!, 'base64').toString('utf8')).toBe(svg);
    const big = `<svg>${'x'.repeat(200_000)}</svg>`;
    expect(Buffer.from(svgDataUrl(big).split(',')[1]!, 'base64').toString('utf8')).toBe(big);
  });
  it('groups the secret for typing', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('ABCDE')).toBe('ABCD E');
  });
  it('writes one recovery code a line', () => {
    const text = recoveryCodesFile(['aaaa-bbbb', 'cccc-dddd'], 'Codes', new Date('2026-11-28T10:00:00Z'));
    expect(text.split('\n')).toEqual(['Codes', '2026-11-28T10:00:00.000Z', '', 'aaaa-bbbb', 'cccc-dddd', '']);
  });
});

describe('scope switcher choice', () => {
  const orgs = [
    { id: 'o1', name: 'CHU' },
    { id: 'o2', name: 'EHPAD' },
  ];
  it('keeps the stored choice while it is visible', () => {
    expect(pickOrganization('o2', orgs, 'o1', [])).toBe('o2');
  });
  it('falls back to the person, then a grant, then the first', () => {
    expect(pickOrganization('gone', orgs, 'o2', [])).toBe('o2');
    expect(pickOrganization(null, orgs, null, [{ role: 'org_admin', scopeKind: 'organization', scopeId: 'o2' }])).toBe('o2');
    expect(pickOrganization(null, orgs, null, [])).toBe('o1');
    expect(pickOrganization(null, [], null, [])).toBeNull();
    expect(
      pickTerritory(
        null,
        [
          { id: 't1', name: 'GHT' },
          { id: 't2', name: 'CPTS' },
        ],
        [{ role: 'territory_coordinator', scopeKind: 'territory', scopeId: 't2' }],
      ),
    ).toBe('t2');
  });
});

describe('navigation', () => {
  const viewer = { grants: [{ role: 'learner', scopeKind: 'organization', scopeId: 'o1' }], mfaVerified: false };
  it('shows only allowed entries and drops empty groups', () => {
    const groups = visibleNav(
      [
        { id: 'home', nav: [{ to: '/', labelKey: 'nav.home', show: () => true }] },
        {
          id: 'admin',
          labelKey: 'nav.administration',
          nav: [{ to: '/admin/people', labelKey: 'x', show: (v) => v.grants.some((g) => g.role === 'org_admin') }],
        },
      ],
      viewer,
    );
    expect(groups.map((g) => g.id)).toEqual(['home']);
  });
  it('marks the current page and its parents', () => {
    expect(isActive('/', '/')).toBe(true);
    expect(isActive('/', '/admin')).toBe(false);
    expect(isActive('/admin/people', '/admin/people/123')).toBe(true);
    expect(isActive('/admin/people', '/admin/peoples')).toBe(false);
    expect(pageTitle('Accueil', 'Rempart')).toBe('Accueil · Rempart');
  });
  it('marks one entry only: the longest matching path, on path boundaries', () => {
    const entries = ['/', '/learning', '/learning/admin/modules', '/learning/admin/territory/rules', '/admin/people'].map((to) => ({ to }));
    expect(activeEntry(entries, '/learning/admin/modules')).toBe('/learning/admin/modules');
    expect(activeEntry(entries, '/learning/admin/modules/abc/edit')).toBe('/learning/admin/modules');
    expect(activeEntry(entries, '/learning/admin/territory/rules')).toBe('/learning/admin/territory/rules');
    expect(activeEntry(entries, '/learning')).toBe('/learning');
    expect(activeEntry(entries, '/learning/reviews')).toBe('/learning');
    expect(activeEntry(entries, '/learningfoo')).toBeNull();
    expect(activeEntry(entries, '/')).toBe('/');
    expect(activeEntry(entries, '/account')).toBeNull();
    // The order of the entries does not matter.
    expect(activeEntry([...entries].reverse(), '/learning/admin/modules/abc')).toBe('/learning/admin/modules');
  });
});

describe('theme contrast (WCAG AA)', () => {
  it('gives white text on filled buttons and link text on white at least 4.5:1', () => {
    expect(contrastRatio(rempartBlue[primaryShade], '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(rempartBlue[8], '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(accessibleText.dimmed, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(accessibleText.error, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(accessibleText.placeholder, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
  it('gives alert and light-button text at least 4.5:1 on its pale background', () => {
    for (const [text, background] of Object.values(lightVariantText)) expect(contrastRatio(text, background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(rempartBlue[9], rempartBlue[1])).toBeGreaterThanOrEqual(4.5);
  });
  it('uses filled shades that carry white text (teal.9, red.9)', () => {
    expect(contrastRatio('#087f5b', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#c92a2a', '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
  it('computes known ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 1);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 1);
  });
});
