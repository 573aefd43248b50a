import type { ExtraHeader, Profile, ProfileInput, TlsMode } from './types.js';

/** The sending profile form; numbers stay text while typed so an empty box is not 0. */
export interface ProfileForm {
  name: string;
  host: string;
  port: string;
  tlsMode: TlsMode;
  username: string;
  /** What to do with the stored password: keep it (omitted), replace it, or remove it (null). */
  passwordAction: 'keep' | 'set' | 'remove';
  password: string;
  fromName: string;
  fromAddress: string;
  ratePerMinute: string;
  windowDays: number[];
  windowStart: string;
  windowEnd: string;
  timeZone: string;
  extraHeaders: ExtraHeader[];
}

/** ISO weekdays, 1 = Monday. */
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
export const defaultPorts: Record<TlsMode, number> = { none: 25, starttls: 587, tls: 465 };

export const emptyProfileForm = (): ProfileForm => ({
  name: '',
  host: '',
  port: '587',
  tlsMode: 'starttls',
  username: '',
  passwordAction: 'set',
  password: '',
  fromName: '',
  fromAddress: '',
  ratePerMinute: '60',
  windowDays: [1, 2, 3, 4, 5],
  windowStart: '08:00',
  windowEnd: '18:00',
  timeZone: 'Europe/Paris',
  extraHeaders: [],
});

export const profileFormOf = (p: Profile): ProfileForm => ({
  name: p.name,
  host: p.host,
  port: String(p.port),
  tlsMode: p.tlsMode,
  username: p.username ?? '',
  passwordAction: p.hasPassword ? 'keep' : 'set',
  password: '',
  fromName: p.fromName,
  fromAddress: p.fromAddress,
  ratePerMinute: String(p.ratePerMinute),
  windowDays: [...p.windowDays],
  windowStart: p.windowStart,
  windowEnd: p.windowEnd,
  timeZone: p.timeZone,
  extraHeaders: p.extraHeaders.map((h) => ({ ...h })),
});

// A box left empty or not a whole number is sent as NaN → the server names the field; never a silent 0.
const int = (v: string): number => (/^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN);

/**
 * The POST/PUT body. The password is write-only: on an update it is omitted to keep the stored one,
 * sent as null to remove it; an empty new password on a profile that had none means "no password".
 */
export function toProfileInput(f: ProfileForm): ProfileInput {
  const input: ProfileInput = {
    name: f.name.trim(),
    host: f.host.trim(),
    port: int(f.port),
    tlsMode: f.tlsMode,
    username: f.username.trim() || null,
    fromName: f.fromName.trim(),
    fromAddress: f.fromAddress.trim(),
    ratePerMinute: int(f.ratePerMinute),
    windowDays: [...new Set(f.windowDays)].sort((a, b) => a - b),
    windowStart: f.windowStart,
    windowEnd: f.windowEnd,
    timeZone: f.timeZone.trim(),
    extraHeaders: f.extraHeaders
      .filter((h) => h.name.trim() || h.value.trim())
      .map((h) => ({ name: h.name.trim(), value: h.value.trim() })),
  };
  if (f.passwordAction === 'remove') input.password = null;
  else if (f.passwordAction === 'set' && f.password !== '') input.password = f.password;
  return input;
}
