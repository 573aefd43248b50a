import { emailForTeaching, escapeHtml, fillPlaceholders, placeholderValues } from './email-view.js';
import type { Cue, EmailText, OfferedModule, RecipientView } from './page-data.js';
import { page } from './pages.js';
import { fill, pageTexts } from './texts.js';

/**
 * The teachable moment: this very email as the person received it (rendered for them, links
 * inert), each cue numbered on the spot where it appears, then the list of cues explained, the
 * right reflexes and the campaign's module. Kind from the first line to the last: people who
 * clicked are learning, not failing.
 */

export interface TeachableInput {
  view: RecipientView;
  email: EmailText | null;
  module: OfferedModule | null;
  token: string;
  /** Origin of the tracking links, to show where the email's links really led. */
  publicBaseUrl: string;
  reportAddress: string;
  /** No landing page: this page carries the beacon that confirms the click. */
  beacon: boolean;
}

const CSS = `.lead{font-size:1.05rem}
.envelope{border-collapse:collapse;width:100%;margin-bottom:14px;font-size:.95rem}
.envelope th{text-align:left;color:#56606b;font-weight:600;padding:4px 12px 4px 0;width:5.5em;vertical-align:top}
.envelope td{padding:4px 0;word-break:break-word}
.email-body{border-top:1px solid #dde2e7;padding-top:14px;overflow-x:auto}
.email-body .link{color:#1c5d99;text-decoration:underline}
.email-body .link[data-dest]:not([data-dest=""])::after{content:" (" attr(data-dest) ")";color:#56606b;font-size:.85em;word-break:break-all}
.email-body [data-cue]{outline:3px solid #e8590c;outline-offset:2px;border-radius:2px}
.badge,.email-body [data-cue]::before{display:inline-block;min-width:1.5em;padding:0 .35em;margin-right:.3em;border-radius:1em;background:#e8590c;color:#fff;font:700 .8rem/1.5em system-ui,sans-serif;text-align:center;text-decoration:none}
.cues{list-style:none;padding:0;margin:0}.cues li{margin:0 0 14px}.cues p{margin:4px 0 0 2.1em}
.cat{color:#56606b;font-size:.85rem;margin-left:.4em}
.module{border-left:4px solid #2b8a3e}`;

/** A cue id usable in a CSS attribute selector without escaping. */
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Where an envelope cue (one not marked in the body) is shown: on the sender line unless it is about the subject. */
const onSubject = (c: Cue): boolean => /subject|objet/i.test(`${c.id} ${c.label}`);

export function teachablePage(input: TeachableInput): string {
  const { view, email, module, token } = input;
  const language = view.language;
  const t = pageTexts[language];
  const org = escapeHtml(view.organizationName);
  const parts: string[] = [
    `<h1>${escapeHtml(t.teachableTitle)}</h1>`,
    `<div class="card"><p class="lead">${fill(escapeHtml(t.teachableLead), { org })}</p><p>${escapeHtml(t.teachableKind)}</p></div>`,
  ];
  let css = CSS;
  if (email) {
    const values = placeholderValues(view, input.publicBaseUrl);
    const body = emailForTeaching(fillPlaceholders(email.html, values, true));
    const numbered = email.cues.map((cue, i) => ({ cue, n: i + 1, inBody: SAFE_ID.test(cue.id) && body.includes(`data-cue="${cue.id}"`) }));
    for (const { cue, n, inBody } of numbered) {
      if (inBody) css += `\n.email-body [data-cue="${cue.id}"]::before{content:"${n}"}`;
    }
    const badges = (where: 'from' | 'subject') =>
      numbered
        .filter(({ cue, inBody }) => !inBody && (where === 'subject') === onSubject(cue))
        .map(({ n }) => ` <a class="badge" href="#cue-${n}">${n}</a>`)
        .join('');
    const sender = `${fillPlaceholders(email.fromName, values, false)} <${fillPlaceholders(email.fromLocalPart, values, false)}@${view.senderDomain}>`;
    const to = view.email ? `<tr><th>${escapeHtml(t.to)}</th><td>${escapeHtml(view.email)}</td></tr>` : '';
    parts.push(
      `<h2>${escapeHtml(t.emailHeading)}</h2>`,
      `<div class="card"><table class="envelope">
<tr><th>${escapeHtml(t.from)}</th><td>${escapeHtml(sender)}${badges('from')}</td></tr>${to}
<tr><th>${escapeHtml(t.subject)}</th><td><strong>${escapeHtml(fillPlaceholders(email.subject, values, false))}</strong>${badges('subject')}</td></tr>
</table><div class="email-body">${body}</div><p class="muted" style="margin-top:12px">${escapeHtml(t.linksNote)}</p></div>`,
      `<h2>${escapeHtml(t.cuesHeading)}</h2>`,
      numbered.length === 0
        ? `<p>${escapeHtml(t.cuesEmpty)}</p>`
        : `<ol class="cues card">${numbered
            .map(
              ({ cue, n, inBody }) =>
                `<li id="cue-${n}"><span class="badge">${n}</span><strong>${escapeHtml(cue.label)}</strong><span class="cat">${escapeHtml(
                  t.category[cue.category] ?? cue.category,
                )}${inBody ? '' : ` · ${escapeHtml(t.cueOnHeader)}`}</span><p>${escapeHtml(cue.explanation ?? '')}</p></li>`,
            )
            .join('')}</ol>`,
    );
  }
  parts.push(
    `<h2>${escapeHtml(t.reflexHeading)}</h2>`,
    `<ul class="card">${t.reflexes.map((r) => `<li>${fill(escapeHtml(r), { report: `<strong>${escapeHtml(input.reportAddress)}</strong>` })}</li>`).join('')}</ul>`,
  );
  if (module) {
    const action =
      view.anonymous || !view.personId
        ? `<p class="muted">${escapeHtml(t.moduleAnonymous)}</p>`
        : `<form method="post" action="/m/${token}/enrol"><button type="submit">${escapeHtml(t.moduleButton)}</button></form>`;
    parts.push(
      `<h2>${escapeHtml(fill(t.moduleHeading, { minutes: String(module.durationMinutes) }))}</h2>`,
      `<div class="card module"><p><strong>${escapeHtml(module.title)}</strong></p><p>${escapeHtml(module.summary)}</p>${action}</div>`,
    );
  }
  parts.push(`<p class="muted" style="margin-top:28px">${escapeHtml(view.anonymous ? t.recordedAnonymous : t.recorded)}</p>`);
  if (input.beacon) parts.push(`<img src="/b/${token}.gif" alt="" width="1" height="1" style="position:absolute;left:-9999px">`);
  return page(language, t.teachableTitle, parts.join('\n'), css);
}
