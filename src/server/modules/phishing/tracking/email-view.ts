import sanitizeHtml from 'sanitize-html';
import { type PlaceholderValues as AllValues, escapeHtml, renderPlaceholders } from '../placeholders.js';
import type { RecipientView } from './page-data.js';

/**
 * HTML of templates and landing pages as the tracking pages show it. Both were sanitised when
 * saved; they are sanitised again here, with allow-lists made for this display, so a row written
 * by another path (import, catalogue, a future bug) still cannot run a script on this origin.
 */

export { escapeHtml } from '../placeholders.js';

/** Values of the placeholders of docs/phishing-content.md that the tracking pages fill, for one recipient. */
export type PlaceholderValues = Required<
  Pick<
    AllValues,
    'firstName' | 'lastName' | 'email' | 'jobTitle' | 'service' | 'site' | 'organization' | 'senderDomain' | 'link' | 'reportLink'
  >
>;

/** The recipient's values; links become a neutral stand-in showing only where they pointed. */
export function placeholderValues(view: RecipientView, publicBaseUrl: string): PlaceholderValues {
  return {
    firstName: view.firstName ?? '',
    lastName: view.lastName ?? '',
    email: view.email ?? '',
    jobTitle: view.jobTitle ?? '',
    service: view.service ?? '',
    site: view.site ?? '',
    organization: view.organizationName,
    senderDomain: view.senderDomain,
    link: `${publicBaseUrl}/c/…`,
    reportLink: `${publicBaseUrl}/r/…`,
  };
}

/**
 * Fills placeholders as the sender does (placeholders.ts), with two differences for pages shown
 * after the fact: the neutral links are plain text, so they are escaped like any value in HTML
 * (the sender escapes its real links itself), and a placeholder the content should never have
 * held is removed rather than shown to the person. {{trackingImage}} renders empty: no value.
 */
export function fillPlaceholders(text: string, values: PlaceholderValues, html: boolean): string {
  if (!html) return renderPlaceholders(text, values, 'text', 'remove');
  const safe = { ...values, link: escapeHtml(values.link), reportLink: escapeHtml(values.reportLink) };
  return renderPlaceholders(text, safe, 'html', 'remove');
}

const EMAIL_TAGS = [
  ...sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'a'),
  'img',
  'span',
  'font',
  'center',
  'u',
  's',
  'small',
  'big',
  'del',
  'ins',
];
const LAYOUT_ATTRIBUTES = [
  'style',
  'align',
  'valign',
  'width',
  'height',
  'bgcolor',
  'border',
  'cellpadding',
  'cellspacing',
  'colspan',
  'rowspan',
  'color',
  'title',
];

/**
 * The email body for the teachable moment: links become inert spans that show where they
 * really led (data-dest, displayed by CSS), images only from data: URLs, data-cue kept.
 */
export function emailForTeaching(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: EMAIL_TAGS,
    allowedAttributes: { '*': [...LAYOUT_ATTRIBUTES, 'data-cue'], span: ['class', 'data-dest'], img: ['src', 'alt', 'width', 'height'] },
    allowedSchemes: [],
    allowedSchemesByTag: { img: ['data'] },
    transformTags: {
      a: (_tag, attribs) => ({
        tagName: 'span',
        attribs: {
          class: 'link',
          'data-dest': attribs.href ?? '',
          ...(attribs['data-cue'] ? { 'data-cue': attribs['data-cue'] } : {}),
          ...(attribs.style ? { style: attribs.style } : {}),
        },
      }),
    },
  });
}

/**
 * A landing page as served: every form posts to /l/<token> (whatever the saved HTML said, so a
 * GET form cannot put typed values in a URL), links are inert, no script, no external resource.
 */
export function landingHtml(html: string, token: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      ...EMAIL_TAGS,
      'a',
      'form',
      'input',
      'label',
      'button',
      'select',
      'option',
      'textarea',
      'fieldset',
      'legend',
      'style',
      'header',
      'footer',
      'section',
    ],
    // <style> is allowed for the page's own look: the CSP allows inline styles and nothing external.
    allowVulnerableTags: true,
    allowedAttributes: {
      '*': [...LAYOUT_ATTRIBUTES, 'class', 'id', 'role', 'aria-label', 'aria-hidden'],
      a: ['href'],
      img: ['src', 'alt', 'width', 'height'],
      form: ['action', 'method', 'autocomplete'],
      input: ['type', 'name', 'placeholder', 'autocomplete', 'required', 'value', 'size', 'maxlength', 'checked'],
      label: ['for'],
      button: ['type'],
      select: ['name'],
      option: ['value', 'selected'],
      textarea: ['name', 'rows', 'cols', 'placeholder'],
    },
    allowedSchemes: [],
    allowedSchemesByTag: { img: ['data'] },
    transformTags: {
      form: () => ({ tagName: 'form', attribs: { action: `/l/${token}`, method: 'post', autocomplete: 'off' } }),
      a: (_tag, attribs) => ({ tagName: 'a', attribs: { href: '#', ...(attribs.class ? { class: attribs.class } : {}) } }),
    },
  });
}
