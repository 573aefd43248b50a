import type { Locale } from '../../../platform/errors.js';
import { escapeHtml, fillPlaceholders, landingHtml, type PlaceholderValues } from './email-view.js';
import { fill, pageTexts } from './texts.js';

/** Self-contained HTML pages of the tracking listener: inline styles only, no script, no external resource. */

const BASE_CSS = `*{box-sizing:border-box}
body{margin:0;background:#f4f6f8;color:#1b1f24;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Ubuntu,sans-serif}
main{max-width:780px;margin:0 auto;padding:28px 16px 48px}
h1{font-size:1.55rem;line-height:1.25;margin:0 0 12px}h2{font-size:1.15rem;margin:32px 0 10px}
p{margin:0 0 12px}.card{background:#fff;border-radius:10px;padding:18px 20px;box-shadow:0 1px 3px rgba(0,0,0,.1)}
.muted{color:#56606b;font-size:.92rem}a{color:#1c5d99}
button{font:inherit;font-weight:600;background:#1c5d99;color:#fff;border:0;border-radius:8px;padding:11px 18px;cursor:pointer}
button:focus-visible,a:focus-visible{outline:3px solid #f59f00;outline-offset:2px}`;

/** A whole page; `body` is trusted HTML built by this module. */
export function page(language: Locale, title: string, body: string, css = ''): string {
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex,nofollow">
<title>${escapeHtml(title)}</title><style>${BASE_CSS}${css}</style></head>
<body><main>${body}</main></body></html>`;
}

function bilingual(fr: { title: string; body: string }, en: { title: string; body: string }): string {
  return page(
    'fr',
    `${fr.title} · ${en.title}`,
    `<div class="card"><h1>${escapeHtml(fr.title)}</h1><p>${escapeHtml(fr.body)}</p></div>
<div class="card" lang="en" style="margin-top:16px"><h1>${escapeHtml(en.title)}</h1><p>${escapeHtml(en.body)}</p></div>`,
  );
}

/** Unknown, malformed or purged token: the same page whatever the reason (no oracle for guessers). */
export const notFoundPage = (): string =>
  bilingual(
    { title: pageTexts.fr.notFoundTitle, body: pageTexts.fr.notFoundBody },
    { title: pageTexts.en.notFoundTitle, body: pageTexts.en.notFoundBody },
  );

export const unavailablePage = (): string =>
  bilingual(
    { title: pageTexts.fr.unavailableTitle, body: pageTexts.fr.unavailableBody },
    { title: pageTexts.en.unavailableTitle, body: pageTexts.en.unavailableBody },
  );

export const tooLargePage = (): string =>
  bilingual(
    { title: pageTexts.fr.tooLargeTitle, body: pageTexts.fr.tooLargeBody },
    { title: pageTexts.en.tooLargeTitle, body: pageTexts.en.tooLargeBody },
  );

/** The landing page of the campaign, with the browser beacon that confirms a click. */
export function landingPage(language: Locale, title: string, html: string, token: string, values: PlaceholderValues): string {
  const beacon = `<img src="/b/${token}.gif" alt="" width="1" height="1" style="position:absolute;left:-9999px">`;
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex,nofollow">
<title>${escapeHtml(fillPlaceholders(title, values, false))}</title></head><body>${landingHtml(fillPlaceholders(html, values, true), token)}${beacon}</body></html>`;
}

export function reportPage(language: Locale, organization: string, token: string): string {
  const t = pageTexts[language];
  return page(
    language,
    t.reportTitle,
    `<div class="card"><h1>${escapeHtml(t.reportTitle)}</h1>
<p>${escapeHtml(fill(t.reportBody, { org: organization }))}</p>
<form method="post" action="/r/${token}"><button type="submit">${escapeHtml(t.reportButton)}</button></form></div>`,
  );
}

export function reportedPage(language: Locale, organization: string, token: string): string {
  const t = pageTexts[language];
  return page(
    language,
    t.reportedTitle,
    `<div class="card"><h1>${escapeHtml(t.reportedTitle)}</h1>
<p>${escapeHtml(fill(t.reportedBody, { org: organization }))}</p>
<p><a href="/m/${token}">${escapeHtml(t.seeCues)}</a></p></div>`,
  );
}

export type EnrolOutcome = 'enrolled' | 'already' | 'unavailable';

export function enrolPage(language: Locale, outcome: EnrolOutcome, moduleTitle: string, learningUrl: string | null, token: string): string {
  const t = pageTexts[language];
  const message =
    outcome === 'unavailable' ? t.enrolUnavailable : fill(outcome === 'enrolled' ? t.enrolled : t.alreadyEnrolled, { title: moduleTitle });
  const open =
    learningUrl && outcome !== 'unavailable' ? `<p><a href="${escapeHtml(learningUrl)}">${escapeHtml(t.openLearning)}</a></p>` : '';
  return page(
    language,
    t.enrolledTitle,
    `<div class="card"><h1>${escapeHtml(outcome === 'unavailable' ? t.moduleButton : t.enrolledTitle)}</h1>
<p>${escapeHtml(message)}</p>${open}<p class="muted"><a href="/m/${token}">${escapeHtml(t.backToCues)}</a></p></div>`,
  );
}
