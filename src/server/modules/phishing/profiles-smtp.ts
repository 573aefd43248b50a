import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { Locale } from '../../platform/errors.js';
import { Unprocessable } from './library-shared.js';
import type { TlsMode } from './tables.js';

/** What a test email needs of a profile, its password already opened. */
export interface SmtpTarget {
  name: string;
  host: string;
  port: number;
  tlsMode: TlsMode;
  username: string | null;
  password: string | null;
  fromName: string;
  fromAddress: string;
  extraHeaders: Array<{ name: string; value: string }>;
}

/**
 * The transport a profile describes. `none` never upgrades (a relay without TLS), `starttls`
 * refuses to go on without the upgrade, `tls` is implicit TLS (port 465). Certificates are always
 * checked: a simulation platform must not teach "ignore the warning".
 */
export function transportOptions(p: SmtpTarget): SMTPTransport.Options {
  return {
    host: p.host,
    port: p.port,
    secure: p.tlsMode === 'tls',
    requireTLS: p.tlsMode === 'starttls',
    ignoreTLS: p.tlsMode === 'none',
    ...(p.username ? { auth: { user: p.username, pass: p.password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    tls: { servername: p.host },
  };
}

interface SmtpError {
  code?: string;
  response?: string;
  responseCode?: number;
  command?: string;
  message?: string;
}

const unreachable = new Set(['ECONNECTION', 'ETIMEDOUT', 'EDNS', 'ESOCKET', 'ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ECONNRESET']);

/** Turns a transport error into a 422 whose message quotes the server (or says why it could not be reached). */
export function smtpFailure(p: SmtpTarget, err: unknown): Unprocessable {
  const e = (err ?? {}) as SmtpError;
  const where = `${p.host}:${p.port}`;
  const answer = (e.response ?? '').trim().slice(0, 500);
  const detail = (e.message ?? String(err)).slice(0, 300);
  if (e.code === 'EAUTH') {
    return new Unprocessable(
      'smtp_auth_failed',
      {
        fr: `Le serveur ${where} a refusé l’identification : ${answer || detail}`,
        en: `${where} refused the credentials: ${answer || detail}`,
      },
      'username',
    );
  }
  if (answer) {
    // The command tells what was refused (STARTTLS, MAIL FROM, RCPT TO, DATA...).
    const to = e.command ? ` (${e.command.split(' ')[0]})` : '';
    return new Unprocessable('smtp_refused', {
      fr: `Le serveur ${where} a répondu${to} : ${answer}`,
      en: `${where} answered${to}: ${answer}`,
    });
  }
  if (e.code && unreachable.has(e.code)) {
    return new Unprocessable(
      'smtp_unreachable',
      {
        fr: `Impossible de joindre le serveur SMTP ${where} : ${detail}. Vérifiez l’hôte, le port et le mode TLS.`,
        en: `Could not reach the SMTP server ${where}: ${detail}. Check the host, the port and the TLS mode.`,
      },
      'host',
    );
  }
  return new Unprocessable('smtp_failed', {
    fr: `Échec de l’envoi par ${where} : ${detail}`,
    en: `Sending through ${where} failed: ${detail}`,
  });
}

/** Sends one real email through the profile; resolves with the server's final answer. */
export async function sendTestEmail(p: SmtpTarget, to: string, locale: Locale): Promise<string> {
  const transport = nodemailer.createTransport(transportOptions(p));
  const fr = locale === 'fr';
  const headers: Record<string, string> = { 'X-Rempart-Simulation': 'test' };
  for (const h of p.extraHeaders) headers[h.name] = h.value;
  try {
    const info = await transport.sendMail({
      from: { name: p.fromName, address: p.fromAddress },
      to,
      subject: fr ? `Rempart : e-mail de test du profil « ${p.name} »` : `Rempart: test email of the "${p.name}" profile`,
      text: fr
        ? `Ce message confirme que le profil d’envoi « ${p.name} » peut envoyer par ${p.host}:${p.port}.\n\nSi vous le recevez en indésirables, ajoutez l’en-tête X-Rempart-Simulation aux règles d’autorisation de votre messagerie.`
        : `This message confirms that the sending profile "${p.name}" can send through ${p.host}:${p.port}.\n\nIf it lands in spam, add the X-Rempart-Simulation header to your mail system's allow rules.`,
      headers,
    });
    return String(info.response ?? '').trim();
  } catch (err) {
    throw smtpFailure(p, err);
  } finally {
    transport.close();
  }
}
