import type { z } from 'zod';
import {
  guessLandingKind,
  type ImportNote,
  isObject,
  type Mapped,
  mapPlaceholders,
  nameOf,
  note,
  parseHostPort,
  parseMailbox,
  str,
  textToHtml,
  unsupportedNote,
} from './import.js';
import { type LandingInput, type Language, landingBody, type TemplateInput, templateBody } from './library-schema.js';
import { type ProfileInput, profileBody, reservedHeaders } from './profiles-schema.js';

/** Each exported item of the open tool, as our input (docs/api-phishing.md, "Import"). */

const notAnObject = (name: string): Mapped<never> => ({
  ok: false,
  skip: note(name, '', 'Élément illisible : un objet JSON est attendu.', 'Unreadable item: a JSON object is expected.'),
});

const missing = (name: string, field: string): Mapped<never> => ({
  ok: false,
  skip: note(name, field, `Champ « ${field} » absent ou vide.`, `Field "${field}" is missing or empty.`),
});

/** The first zod issue of our own schema, reported under the tool's field name. */
function schemaSkip(name: string, error: z.ZodError, fields: Record<string, string>): Mapped<never> {
  const issue = error.issues[0]!;
  const path = issue.path.join('.');
  const field = Object.entries(fields).find(([ours]) => path === ours || path.startsWith(`${ours}.`))?.[1] ?? path;
  return {
    ok: false,
    skip: note(name, field, `Valeur refusée (${path}) : ${issue.message}.`, `Value refused (${path}): ${issue.message}.`),
  };
}

export function mapTemplate(item: unknown, index: number, language: Language): Mapped<TemplateInput> {
  const name = nameOf(item, index);
  if (!isObject(item)) return notAnObject(name);
  if (!str(item.name).trim()) return missing(name, 'name');
  const subject = str(item.subject).trim();
  if (!subject) return missing(name, 'subject');
  const warnings: ImportNote[] = [];
  const sender = parseMailbox(str(item.envelope_sender) || str(item.from));
  const local = sender.address.split('@')[0] ?? '';
  const fromName = sender.name || name.slice(0, 80);
  if (!sender.name) {
    warnings.push(
      note(
        name,
        'envelope_sender',
        'Nom d’expéditeur absent : le nom du modèle a été repris, à corriger.',
        'No sender name: the template name was used; edit it.',
      ),
    );
  }
  const mappedSubject = mapPlaceholders(subject, fromName, 'text');
  if (mappedSubject.unsupported.length) return { ok: false, skip: unsupportedNote(name, 'subject', mappedSubject.unsupported) };
  let html: string;
  if (str(item.html).trim()) {
    const mapped = mapPlaceholders(str(item.html), fromName, 'html');
    if (mapped.unsupported.length) return { ok: false, skip: unsupportedNote(name, 'html', mapped.unsupported) };
    html = mapped.text;
  } else if (str(item.text).trim()) {
    const mapped = mapPlaceholders(str(item.text), fromName, 'text');
    if (mapped.unsupported.length) return { ok: false, skip: unsupportedNote(name, 'text', mapped.unsupported) };
    html = textToHtml(mapped.text);
  } else {
    return missing(name, 'html');
  }
  if (Array.isArray(item.attachments) && item.attachments.length > 0) {
    warnings.push(note(name, 'attachments', 'Pièces jointes non importées.', 'Attachments were not imported.'));
  }
  const parsed = templateBody.safeParse({
    theme: 'other',
    audiences: [],
    landingPageId: null,
    premiseAlignment: 'medium',
    texts: {
      [language]: {
        title: name.slice(0, 120),
        fromName,
        fromLocalPart: /^[a-z0-9]+([._+-][a-z0-9]+)*$/.test(local) ? local : 'info',
        subject: mappedSubject.text,
        html,
        cues: [],
        premiseRationale: '',
      },
    },
  });
  if (!parsed.success) {
    return schemaSkip(name, parsed.error, {
      [`texts.${language}.subject`]: 'subject',
      [`texts.${language}.html`]: 'html',
      [`texts.${language}.fromName`]: 'envelope_sender',
    });
  }
  return { ok: true, value: parsed.data, warnings };
}

export function mapLandingPage(item: unknown, index: number, language: Language): Mapped<LandingInput> {
  const name = nameOf(item, index);
  if (!isObject(item)) return notAnObject(name);
  if (!str(item.name).trim()) return missing(name, 'name');
  if (!str(item.html).trim()) return missing(name, 'html');
  const mapped = mapPlaceholders(str(item.html), '', 'html');
  if (mapped.unsupported.length) return { ok: false, skip: unsupportedNote(name, 'html', mapped.unsupported) };
  const warnings: ImportNote[] = [];
  for (const field of ['capture_credentials', 'capture_passwords'] as const) {
    if (item[field] === true) {
      warnings.push(
        note(
          name,
          field,
          'Ignoré : Rempart n’enregistre jamais ce qui est saisi, seulement qu’un formulaire a été envoyé.',
          'Ignored: Rempart never records what is typed, only that a form was submitted.',
        ),
      );
    }
  }
  if (str(item.redirect_url).trim()) {
    warnings.push(
      note(
        name,
        'redirect_url',
        'Ignoré : après l’envoi du formulaire, la personne voit la page pédagogique.',
        'Ignored: after submitting the form, the person sees the teachable-moment page.',
      ),
    );
  }
  const parsed = landingBody.safeParse({
    kind: guessLandingKind(mapped.text),
    texts: { [language]: { title: name.slice(0, 120), html: mapped.text } },
  });
  if (!parsed.success) return schemaSkip(name, parsed.error, { [`texts.${language}.html`]: 'html', [`texts.${language}.title`]: 'name' });
  return { ok: true, value: parsed.data, warnings };
}

/** A group's members: their emails, each either matched to the directory later or reported. */
export function mapGroup(item: unknown, index: number): Mapped<{ name: string; targets: Array<{ email: string; index: number }> }> {
  const name = nameOf(item, index);
  if (!isObject(item)) return notAnObject(name);
  if (!str(item.name).trim()) return missing(name, 'name');
  if (!Array.isArray(item.targets) || item.targets.length === 0) return missing(name, 'targets');
  const targets = item.targets.map((t, i) => ({ email: isObject(t) ? str(t.email).trim().toLowerCase() : '', index: i }));
  return { ok: true, value: { name: name.slice(0, 200), targets }, warnings: [] };
}

export function mapProfile(item: unknown, index: number): Mapped<ProfileInput> {
  const name = nameOf(item, index);
  if (!isObject(item)) return notAnObject(name);
  if (!str(item.name).trim()) return missing(name, 'name');
  if (!str(item.host).trim()) return missing(name, 'host');
  if (!str(item.from_address).trim()) return missing(name, 'from_address');
  const warnings: ImportNote[] = [];
  const { host, port } = parseHostPort(str(item.host));
  if (port === null) warnings.push(note(name, 'host', 'Port absent : 25 retenu.', 'No port: 25 was used.'));
  const effectivePort = port ?? 25;
  if (effectivePort !== 465) {
    warnings.push(
      note(
        name,
        'host',
        'Mode TLS : STARTTLS exigé. Choisissez « aucun » si votre relais ne le propose pas.',
        'TLS mode: STARTTLS required. Choose "none" if your relay does not offer it.',
      ),
    );
  }
  if (item.ignore_cert_errors === true) {
    warnings.push(
      note(
        name,
        'ignore_cert_errors',
        'Ignoré : Rempart vérifie toujours les certificats.',
        'Ignored: Rempart always checks certificates.',
      ),
    );
  }
  const extraHeaders: Array<{ name: string; value: string }> = [];
  const headers = Array.isArray(item.headers) ? item.headers : [];
  headers.forEach((h, i) => {
    const key = isObject(h) ? str(h.key).trim() : '';
    const value = isObject(h) ? str(h.value) : '';
    if (
      !/^[A-Za-z0-9-]+$/.test(key) ||
      reservedHeaders.has(key.toLowerCase()) ||
      key.toLowerCase().startsWith('content-') ||
      /[\r\n]/.test(value) ||
      !value.trim()
    ) {
      warnings.push(note(name, `headers.${i}`, `En-tête « ${key} » non repris.`, `Header "${key}" was not kept.`));
    } else extraHeaders.push({ name: key, value: value.trim() });
  });
  const from = parseMailbox(str(item.from_address));
  const username = str(item.username).trim();
  const password = str(item.password);
  const parsed = profileBody.safeParse({
    name: name.slice(0, 200),
    host,
    port: effectivePort,
    tlsMode: effectivePort === 465 ? 'tls' : 'starttls',
    username: username || null,
    password: password || null,
    fromName: from.name || from.address.split('@')[0] || name.slice(0, 120),
    fromAddress: from.address,
    ratePerMinute: 60,
    windowDays: [1, 2, 3, 4, 5],
    windowStart: '08:00',
    windowEnd: '18:00',
    timeZone: 'Europe/Paris',
    extraHeaders: extraHeaders.slice(0, 20),
  });
  if (!parsed.success)
    return schemaSkip(name, parsed.error, { host: 'host', port: 'host', fromAddress: 'from_address', fromName: 'from_address' });
  return { ok: true, value: parsed.data, warnings };
}
