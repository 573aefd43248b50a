import type { Locale, Message } from '../../../platform/errors.js';

/** Per-row problems: a stable code, and a reason in French and English for the admin. */
export type RowErrorCode =
  | 'malformed'
  | 'too_many_columns'
  | 'required'
  | 'invalid_email'
  | 'duplicate_email'
  | 'too_long'
  | 'unknown_role_family'
  | 'invalid_boolean'
  | 'invalid_active';

export interface RowErrorDetail {
  value?: string;
  line?: number;
  max?: number;
}

const quote = (v: string | undefined): string => `« ${(v ?? '').slice(0, 60)} »`;
const quoteEn = (v: string | undefined): string => `"${(v ?? '').slice(0, 60)}"`;

const texts: Record<RowErrorCode, (d: RowErrorDetail) => Message> = {
  malformed: () => ({
    fr: 'Ligne illisible (guillemet non fermé ou mal placé) : corrigez-la dans le fichier.',
    en: 'Unreadable line (unclosed or misplaced quote): fix it in the file.',
  }),
  too_many_columns: () => ({
    fr: "Plus de colonnes que l'en-tête : un séparateur non protégé par des guillemets ?",
    en: 'More columns than the header: an unquoted delimiter?',
  }),
  required: () => ({ fr: 'Valeur obligatoire manquante.', en: 'Required value missing.' }),
  invalid_email: (d) => ({ fr: `Adresse e-mail invalide : ${quote(d.value)}.`, en: `Invalid email address: ${quoteEn(d.value)}.` }),
  duplicate_email: (d) => ({
    fr: `Adresse e-mail déjà présente ligne ${d.line ?? '?'} : seule la première ligne est importée.`,
    en: `Email address already on line ${d.line ?? '?'}: only the first line is imported.`,
  }),
  too_long: (d) => ({
    fr: `Valeur trop longue (${d.max ?? 0} caractères au plus).`,
    en: `Value too long (at most ${d.max ?? 0} characters).`,
  }),
  unknown_role_family: (d) => ({
    fr: `Famille de métiers inconnue : ${quote(d.value)}.`,
    en: `Unknown role family: ${quoteEn(d.value)}.`,
  }),
  invalid_boolean: (d) => ({
    fr: `Attendu oui/non (ou 1/0, vrai/faux) : ${quote(d.value)}.`,
    en: `Expected yes/no (or 1/0, true/false): ${quoteEn(d.value)}.`,
  }),
  invalid_active: (d) => ({
    fr: `Statut non reconnu (actif/inactif, oui/non) : ${quote(d.value)}.`,
    en: `Unrecognised status (active/inactive, yes/no): ${quoteEn(d.value)}.`,
  }),
};

export function rowReason(code: RowErrorCode, detail: RowErrorDetail, locale: Locale): string {
  return texts[code](detail)[locale];
}
