import type { MailMessage } from '../../platform/mail/mailer.js';

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** French then English in one message: a provider's contact has no known language yet. */
function bilingual(to: string, subject: string, fr: string[], en: string[], links: string[]): MailMessage {
  const text = [...fr, '', '---', '', ...en, ''].join('\n');
  const paragraph = (lines: string[]) =>
    lines
      .filter((l) => l !== '')
      .map((l) => (links.includes(l) ? `<p><a href="${escapeHtml(l)}">${escapeHtml(l)}</a></p>` : `<p>${escapeHtml(l)}</p>`))
      .join('\n');
  const html = `<!doctype html><html lang="fr"><body>\n${paragraph(fr)}\n<hr>\n<div lang="en">\n${paragraph(en)}\n</div></body></html>`;
  return { to, subject, text, html };
}

/** The notice of an opened audit, with a sign-in link that leads to the audit in the portal. */
export function auditNoticeEmail(input: {
  to: string;
  displayName: string;
  establishment: string;
  title: string;
  dueOn: string;
  link: string;
  signInUrl: string;
  expiresInMinutes: number;
}): MailMessage {
  const { link, signInUrl } = input;
  const fr = [
    `Bonjour ${input.displayName},`,
    '',
    `${input.establishment} ouvre l'audit « ${input.title} » prévu par votre contrat et vous invite à y répondre en ligne, question par question, avant le ${input.dueOn}.`,
    'Vous pourrez enregistrer un brouillon, joindre des preuves (PDF, images, tableurs, documents) et poser vos questions dans le fil de discussion.',
    '',
    'Pour vous connecter, ouvrez ce lien :',
    link,
    '',
    `Le lien ne sert qu'une fois et expire dans ${input.expiresInMinutes} minutes. Ensuite, demandez un nouveau lien avec votre adresse sur la page de connexion :`,
    signInUrl,
    'Ne transférez pas ce message : le lien ouvre votre compte.',
  ];
  const en = [
    `Hello ${input.displayName},`,
    '',
    `${input.establishment} opens the audit "${input.title}" provided for by your contract and invites you to answer it online, question by question, before ${input.dueOn}.`,
    'You can save a draft, attach evidence (PDF, images, spreadsheets, documents) and ask your questions in the discussion thread.',
    '',
    'To sign in, open this link:',
    link,
    '',
    `The link works once and expires in ${input.expiresInMinutes} minutes. After that, ask for a new link with your address on the sign-in page:`,
    signInUrl,
    'Do not forward this message: the link opens your account.',
  ];
  return bilingual(input.to, `Audit à compléter : ${input.title} / Audit to complete`, fr, en, [link, signInUrl]);
}

/** A new message in an audit's thread; the body stays in the application, only a link is mailed. */
export function commentNoticeEmail(input: { to: string; title: string; from: 'provider' | 'establishment'; link: string }): MailMessage {
  const fr = [
    'Bonjour,',
    '',
    input.from === 'provider'
      ? `Le prestataire a écrit un nouveau message dans l'audit « ${input.title} ».`
      : `L'établissement a écrit un nouveau message dans l'audit « ${input.title} ».`,
    'Pour le lire et y répondre :',
    input.link,
  ];
  const en = [
    'Hello,',
    '',
    input.from === 'provider'
      ? `The provider wrote a new message in the audit "${input.title}".`
      : `The establishment wrote a new message in the audit "${input.title}".`,
    'To read it and reply:',
    input.link,
  ];
  return bilingual(input.to, `Nouveau message : ${input.title} / New message`, fr, en, [input.link]);
}

/** The provider handed the audit over: the establishment can start the review. */
export function submittedNoticeEmail(input: { to: string; title: string; provider: string; link: string }): MailMessage {
  const fr = [
    'Bonjour,',
    '',
    `${input.provider} a remis ses réponses à l'audit « ${input.title} ». Elles ne peuvent plus changer : vous pouvez commencer la revue.`,
    input.link,
  ];
  const en = [
    'Hello,',
    '',
    `${input.provider} submitted its answers to the audit "${input.title}". They can no longer change: you can start the review.`,
    input.link,
  ];
  return bilingual(input.to, `Audit remis : ${input.title} / Audit submitted`, fr, en, [input.link]);
}
