import type { Locale } from '../../../platform/errors.js';
import type { MailMessage } from '../../../platform/mail/mailer.js';

/** Thanks for reporting one of our exercises: short, warm, never a lecture. */
export function wellSpottedMail(to: string, locale: Locale): MailMessage {
  if (locale === 'en')
    return {
      to,
      subject: 'Well spotted!',
      text:
        'Hello,\n\nThe email you reported was a phishing exercise run by your organization. ' +
        'You did exactly the right thing: you noticed it and told us.\n\n' +
        'Keep it up: when in doubt, report it, as you just did.\n\nThank you!',
    };
  return {
    to,
    subject: 'Bien vu !',
    text:
      "Bonjour,\n\nLe message que vous avez signalé était un exercice d'hameçonnage organisé par votre établissement. " +
      "Vous avez eu le bon réflexe : vous l'avez repéré et vous nous l'avez signalé.\n\n" +
      'Continuez ainsi : au moindre doute, signalez, comme vous venez de le faire.\n\nMerci !',
  };
}

export type Verdict = 'phishing' | 'spam' | 'legitimate';

const VERDICT_TEXT: Record<Verdict, { fr: string; en: string }> = {
  phishing: {
    fr: "Il s'agissait bien d'une tentative d'hameçonnage. Merci : votre signalement aide à protéger vos collègues.",
    en: 'It was indeed a phishing attempt. Thank you: your report helps protect your colleagues.',
  },
  spam: {
    fr: "Il s'agissait d'un courrier indésirable, sans danger particulier. Vous pouvez le supprimer.",
    en: 'It was unwanted mail, with no particular danger. You can delete it.',
  },
  legitimate: {
    fr: 'Ce message est authentique : vous pouvez y donner suite. Merci quand même pour votre vigilance.',
    en: 'This message is genuine: you can act on it. Thank you all the same for staying alert.',
  },
};

/** The answer to a reporter once the message they sent has been examined. */
export function feedbackMail(to: string, locale: Locale, subject: string, verdict: Verdict): MailMessage {
  const about = subject.slice(0, 150);
  if (locale === 'en')
    return {
      to,
      subject: `Your report: ${about}`,
      text: `Hello,\n\nWe have examined the message you reported ("${about}").\n\n${VERDICT_TEXT[verdict].en}\n\nThank you for reporting it.`,
    };
  return {
    to,
    subject: `Votre signalement : ${about}`,
    text: `Bonjour,\n\nNous avons examiné le message que vous avez signalé (« ${about} »).\n\n${VERDICT_TEXT[verdict].fr}\n\nMerci de nous l'avoir transmis.`,
  };
}
