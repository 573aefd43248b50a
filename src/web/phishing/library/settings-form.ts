import type { PhishingSettings } from './types.js';

/** The settings form; numbers stay text while typed. */
export interface SettingsForm {
  anonymousDefault: boolean;
  retentionDays: string;
  transparencyNote: string;
  imapEnabled: boolean;
  imap: { host: string; port: string; tls: boolean; username: string; folder: string };
  /** Write-only like the profiles': keep the stored one, or set a new one. */
  imapPasswordAction: 'keep' | 'set';
  imapPassword: string;
}

export const settingsFormOf = (s: PhishingSettings): SettingsForm => ({
  anonymousDefault: s.anonymousDefault,
  retentionDays: String(s.retentionDays),
  transparencyNote: s.transparencyNote,
  imapEnabled: s.imap !== null,
  imap: s.imap
    ? { host: s.imap.host, port: String(s.imap.port), tls: s.imap.tls, username: s.imap.username, folder: s.imap.folder }
    : { host: '', port: '993', tls: true, username: '', folder: 'INBOX' },
  imapPasswordAction: s.imap?.hasPassword ? 'keep' : 'set',
  imapPassword: '',
});

const int = (v: string): number => (/^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN);

/** The PUT body: the whole settings; `imap: null` removes the mailbox and its password. */
export function toSettingsInput(f: SettingsForm) {
  const imap = f.imapEnabled
    ? {
        host: f.imap.host.trim(),
        port: int(f.imap.port),
        tls: f.imap.tls,
        username: f.imap.username.trim(),
        folder: f.imap.folder.trim() || 'INBOX',
        ...(f.imapPasswordAction === 'set' && f.imapPassword !== '' ? { password: f.imapPassword } : {}),
      }
    : null;
  return { anonymousDefault: f.anonymousDefault, retentionDays: int(f.retentionDays), transparencyNote: f.transparencyNote.trim(), imap };
}
