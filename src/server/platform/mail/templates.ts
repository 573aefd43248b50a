import type { MailMessage } from './mailer.js';

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * The sign-in link email, French then English in one message: the recipient's language may not
 * be known yet (an account opened from the staff directory), and both read in a few lines.
 */
export function magicLinkEmail(input: { to: string; displayName: string; link: string; expiresInMinutes: number }): MailMessage {
  const { link, expiresInMinutes: minutes } = input;
  const fr = [
    `Bonjour ${input.displayName},`,
    '',
    'Pour vous connecter à Rempart, ouvrez ce lien puis cliquez sur « Continuer » :',
    link,
    '',
    `Le lien ne sert qu'une fois et expire dans ${minutes} minutes.`,
    "Si vous n'avez rien demandé, ignorez ce message : personne ne pourra se connecter sans ce lien.",
    'Ne transférez pas ce message.',
  ];
  const en = [
    `Hello ${input.displayName},`,
    '',
    'To sign in to Rempart, open this link and click "Continue":',
    link,
    '',
    `The link works once and expires in ${minutes} minutes.`,
    'If you did not ask for it, ignore this message: nobody can sign in without this link.',
    'Do not forward this message.',
  ];
  const text = [...fr, '', '---', '', ...en, ''].join('\n');
  const paragraph = (lines: string[]) =>
    lines
      .filter((l) => l !== '')
      .map((l) => (l === link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : `<p>${escapeHtml(l)}</p>`))
      .join('\n');
  const html = `<!doctype html><html lang="fr"><body>\n${paragraph(fr)}\n<hr>\n<div lang="en">\n${paragraph(en)}\n</div></body></html>`;
  return {
    to: input.to,
    subject: 'Votre lien de connexion à Rempart / Your Rempart sign-in link',
    text,
    html,
  };
}
