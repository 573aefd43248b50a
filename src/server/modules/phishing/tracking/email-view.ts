import sanitizeHtml from 'sanitize-html';
import type { RecipientView } from './page-data.js';

/**
 * HTML of templates and landing pages as the tracking pages show it. Both were sanitised when
 * saved; they are sanitised again here, with allow-lists made for this display, so a row written
 * by another path (import, catalogue, a future bug) still cannot run a script on this origin.
 */

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Values of the placeholders of docs/api-phishing.md, for one recipient. */
export interface PlaceholderValues {
  firstName: string;
  lastName: string;
  email: string;
  jobTitle: string;
  service: string;
  site: string;
  organization: string;
  senderDomain: string;
  /** What {{link}} and {{reportLink}} become: a neutral stand-in on the teachable-moment page. */
  link: string;
  reportLink: string;
}

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

/** Fills {{name}} placeholders (unknown ones become empty); values are HTML-escaped when `html`. */
export function fillPlaceholders(text: string, values: PlaceholderValues, html: boolean): string {
  const table: Record<string, string> = { ...values, trackingImage: '' };
  return text.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (_m, name: string) => {
    const v = table[name] ?? '';
    return html ? escapeHtml(v) : v;
  });
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
