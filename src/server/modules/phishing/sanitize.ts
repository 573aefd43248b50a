import sanitizeHtml from 'sanitize-html';

/**
 * HTML of templates and landing pages, cleaned on save (docs/api-phishing.md, "Library").
 * What a mail client or a plain form page needs stays (inline styles, tables, links, images from
 * data: or a relative path, forms on landing pages, `data-cue` marks); anything that runs code or
 * loads a resource from elsewhere goes: a simulation must never fetch from a third party nor run
 * a script in the admin's browser or the target's. `{{placeholders}}` are plain text to the
 * sanitiser, so they survive in text and in attributes (`href="{{link}}"`).
 */

const textTags = ['p', 'br', 'div', 'span', 'strong', 'b', 'em', 'i', 'u', 's', 'small', 'sup', 'sub', 'mark', 'code', 'pre'];
const blockTags = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'hr', 'center', 'font', 'address'];
const tableTags = ['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup', 'col'];
const pageTags = ['main', 'header', 'footer', 'section', 'article', 'nav', 'aside', 'figure', 'figcaption'];
const formTags = ['form', 'input', 'button', 'label', 'select', 'option', 'textarea', 'fieldset', 'legend'];

const common = ['style', 'class', 'id', 'title', 'align', 'dir', 'lang', 'role', 'aria-*', 'data-cue'];
const tableAttributes = ['width', 'height', 'bgcolor', 'border', 'cellpadding', 'cellspacing', 'valign', 'colspan', 'rowspan'];

const emailAttributes: sanitizeHtml.IOptions['allowedAttributes'] = {
  '*': [...common, ...tableAttributes],
  a: ['href', 'name', 'target', 'rel'],
  img: ['src', 'alt', 'width', 'height'],
  font: ['color', 'face', 'size'],
};

const pageAttributes: sanitizeHtml.IOptions['allowedAttributes'] = {
  ...emailAttributes,
  // No `action`: the tracking listener sets it, so a page can never post typed values elsewhere.
  form: ['method', 'autocomplete', 'novalidate'],
  input: ['type', 'name', 'placeholder', 'value', 'autocomplete', 'required', 'disabled', 'readonly', 'checked', 'maxlength', 'size'],
  button: ['type', 'name', 'value', 'disabled'],
  label: ['for'],
  select: ['name', 'required', 'disabled'],
  option: ['value', 'selected'],
  textarea: ['name', 'rows', 'cols', 'placeholder', 'required'],
};

// Images: inline data of a raster type, or a path on our own listener. SVG is refused even inline
// (it can carry scripts when opened on its own).
const inlineImage = /^data:image\/(png|gif|jpe?g|webp);base64,[a-z0-9+/=\s]+$/i;
const hasScheme = /^[a-z][a-z0-9+.-]*:/i;

function safeImageSource(src: string): boolean {
  const s = src.trim();
  if (inlineImage.test(s)) return true;
  // `//host`, `\\host` and `/\host` all reach another host in browsers.
  if (/^[\\/]{2}/.test(s) || /^\/\\/.test(s)) return false;
  // Browsers skip spaces and control characters inside a scheme ("java\tscript:").
  const compact = [...s].filter((c) => c.charCodeAt(0) > 0x20).join('');
  return !hasScheme.test(compact);
}

/** CSS that fetches (url(), @import, image-set) or runs (expression, behaviours): the whole style goes. */
function dangerousStyle(style: string): boolean {
  const plain = style
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\\([0-9a-f]{1,6})\s?/gi, (_m, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16) || 0xfffd))
    .replace(/\\(.)/g, '$1')
    .toLowerCase();
  return /url\s*\(|image-set\s*\(|@import|expression\s*\(|behavior\s*:|-moz-binding|javascript:|vbscript:/.test(plain);
}

const transformTags: sanitizeHtml.IOptions['transformTags'] = {
  '*': (tagName, attribs) => {
    const out = { ...attribs };
    if (out.style !== undefined && dangerousStyle(out.style)) delete out.style;
    if (tagName === 'img' && out.src !== undefined && !safeImageSource(out.src)) delete out.src;
    if (tagName === 'a' && out.target !== undefined) out.rel = 'noopener noreferrer';
    if (tagName === 'form' && out.method !== undefined && !/^(post|get)$/i.test(out.method)) out.method = 'post';
    return { tagName, attribs: out };
  },
};

function options(allowedTags: string[], allowedAttributes: sanitizeHtml.IOptions['allowedAttributes']): sanitizeHtml.IOptions {
  return {
    allowedTags,
    allowedAttributes,
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['data'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'action', 'formaction'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // Dropped with their content, not only their tags.
    nonTextTags: [
      'script',
      'style',
      'noscript',
      'title',
      'template',
      'iframe',
      'object',
      'embed',
      'svg',
      'math',
      'xmp',
      'noembed',
      'noframes',
    ],
    transformTags,
    // An image whose source was refused would only leave an empty frame behind.
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  };
}

const emailOptions = options([...textTags, ...blockTags, ...tableTags, 'a', 'img'], emailAttributes);
const pageOptions = options([...textTags, ...blockTags, ...tableTags, ...pageTags, ...formTags, 'a', 'img'], pageAttributes);

/** The body of a template: what an email client shows. */
export function sanitizeEmailHtml(html: string): string {
  return sanitizeHtml(html, emailOptions).trim();
}

/** A landing page: an email's tags plus page structure and a form (without `action`). */
export function sanitizeLandingHtml(html: string): string {
  return sanitizeHtml(html, pageOptions).trim();
}

/** Plain text of some HTML (search keys, imports of text-only templates in reverse). */
export function htmlToText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {}, nonTextTags: ['script', 'style', 'title', 'template'] })
    .replace(/\s+/g, ' ')
    .trim();
}
