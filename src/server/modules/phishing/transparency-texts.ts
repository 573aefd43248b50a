import type { Locale } from '../../platform/errors.js';

// What the staff transparency page says, in our words (French first). Never blaming: the person
// who clicks is not at fault; the point is the reflex of reporting.

type Texts = {
  simulated: string;
  purpose: string;
  recorded: Array<{ key: 'sent' | 'opened' | 'clicked' | 'submitted' | 'reported'; label: string }>;
  neverRecorded: string[];
  whoSees: Array<{ audience: 'managers' | 'security_admins' | 'territory'; text: string }>;
  retention: (days: number) => string;
  anonymous: (byDefault: boolean) => string;
  reporting: (address: string) => string;
};

export const transparencyTexts: Record<Locale, Texts> = {
  fr: {
    simulated:
      'Votre établissement envoie de temps en temps de faux emails de hameçonnage (phishing), semblables à ceux que reçoivent les soignants et les équipes administratives : renouvellement de carte e-CPS, résultats de laboratoire, facture de fournisseur, document partagé. Ils ne contiennent aucun virus et aucun lien ne mène hors de Rempart.',
    purpose:
      'Le but n’est pas de piéger ni de juger qui que ce soit : c’est de s’entraîner à repérer les indices et à signaler. Cliquer n’est pas une faute ; signaler, même après avoir cliqué, est le bon réflexe.',
    recorded: [
      { key: 'sent', label: 'l’envoi et la remise de l’email' },
      { key: 'opened', label: 'l’ouverture de l’email (quand les images sont affichées)' },
      { key: 'clicked', label: 'le clic sur un lien de l’email' },
      { key: 'submitted', label: 'le fait qu’un formulaire de la page d’exercice a été envoyé — jamais ce qui y a été saisi' },
      { key: 'reported', label: 'le signalement de l’email, et son délai' },
    ],
    neverRecorded: [
      'ce que vous tapez dans un formulaire (identifiant, mot de passe ou autre) : le contenu est jeté sans être lu',
      'le contenu de votre messagerie ou de vos autres emails',
      'votre navigation en dehors des pages de l’exercice',
    ],
    whoSees: [
      {
        audience: 'managers',
        text: 'Les cadres et responsables voient uniquement des chiffres globaux de leur service, jamais pour un groupe de moins de 5 personnes.',
      },
      {
        audience: 'security_admins',
        text: 'Les administrateurs sécurité de l’établissement (RSSI, DSI) peuvent voir les résultats personne par personne, sauf pour une campagne anonyme, afin de proposer une formation ciblée.',
      },
      {
        audience: 'territory',
        text: 'Le GHT ou le territoire qui mène une campagne pour l’établissement voit des chiffres par établissement, jamais par personne.',
      },
    ],
    retention: (days) =>
      `Les résultats individuels sont effacés ${days} jours après la fin de chaque campagne ; seuls les chiffres globaux sont conservés.`,
    anonymous: (byDefault) =>
      byDefault
        ? 'Par défaut, les campagnes sont anonymes : personne ne peut savoir qui a cliqué ou signalé, seuls des chiffres par groupe existent.'
        : 'Par défaut, les campagnes conservent les résultats individuels jusqu’à leur effacement ; une campagne peut être lancée en mode anonyme, et alors personne ne peut savoir qui a cliqué ou signalé.',
    reporting: (address) =>
      `Un email vous semble suspect, vrai ou simulé ? Transférez-le à ${address} : un signalement est toujours bienvenu, même pour un doute.`,
  },
  en: {
    simulated:
      'Your organization sends fake phishing emails from time to time, like the ones care and administrative staff receive: professional card renewal, lab results, supplier invoice, shared document. They carry no virus and no link leads outside Rempart.',
    purpose:
      'The point is never to trap or judge anyone: it is to practise spotting the cues and reporting. Clicking is not a fault; reporting, even after clicking, is the right reflex.',
    recorded: [
      { key: 'sent', label: 'the email being sent and delivered' },
      { key: 'opened', label: 'the email being opened (when images are shown)' },
      { key: 'clicked', label: 'a click on a link of the email' },
      { key: 'submitted', label: 'the fact that a form of the exercise page was sent — never what was typed in it' },
      { key: 'reported', label: 'the email being reported, and how soon' },
    ],
    neverRecorded: [
      'what you type in a form (user name, password or anything else): it is dropped unread',
      'the content of your mailbox or of your other emails',
      'your browsing outside the exercise pages',
    ],
    whoSees: [
      {
        audience: 'managers',
        text: 'Managers see only overall figures of their service, never for a group of fewer than 5 people.',
      },
      {
        audience: 'security_admins',
        text: 'The organization’s security administrators (CISO, IT department) can see results person by person, except for an anonymous campaign, so as to offer targeted training.',
      },
      {
        audience: 'territory',
        text: 'The hospital group or territory running a campaign for the organization sees figures per organization, never per person.',
      },
    ],
    retention: (days) => `Individual results are erased ${days} days after each campaign ends; only overall figures are kept.`,
    anonymous: (byDefault) =>
      byDefault
        ? 'By default, campaigns are anonymous: no one can know who clicked or reported, only figures per group exist.'
        : 'By default, campaigns keep individual results until they are erased; a campaign may be run in anonymous mode, and then no one can know who clicked or reported.',
    reporting: (address) =>
      `An email looks suspicious, real or simulated? Forward it to ${address}: a report is always welcome, even for a doubt.`,
  },
};
