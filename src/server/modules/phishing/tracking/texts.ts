import type { Locale } from '../../../platform/errors.js';

/**
 * Texts of the public tracking pages. The people reading them have just been caught by an
 * exercise: every sentence is kind, concrete and never blaming (CONTENT.md). French typography
 * uses non-breaking spaces (\u00a0) before : ; ? !
 */
const fr = {
  notFoundTitle: 'Lien introuvable',
  notFoundBody:
    'Ce lien n’est pas ou plus valide. Si vous l’avez reçu dans un courriel qui vous semble suspect, transférez ce message à votre équipe sécurité.',
  unavailableTitle: 'Service momentanément indisponible',
  unavailableBody: 'Réessayez dans quelques instants.',
  tooLargeTitle: 'Envoi trop volumineux',
  tooLargeBody: 'Ce formulaire n’accepte pas un envoi de cette taille.',
  teachableTitle: 'C’était un exercice, et une bonne occasion d’apprendre',
  teachableLead:
    'Ce message était une simulation d’hameçonnage organisée par {org} pour aider chacun à repérer les pièges. Rien de ce que vous avez pu saisir n’a été enregistré ni transmis.',
  teachableKind:
    'Ces messages sont conçus pour tromper, et des personnes très attentives s’y laissent prendre chaque jour, surtout en plein service. L’important, ce sont les indices\u00a0: les voici, sur ce message même.',
  emailHeading: 'Le message que vous avez reçu',
  from: 'De',
  to: 'À',
  subject: 'Objet',
  linksNote: 'Les liens de ce message sont désactivés\u00a0; leur vraie destination est indiquée entre parenthèses.',
  cuesHeading: 'Les indices à repérer',
  cuesEmpty: 'Ce message ne comporte pas d’indice répertorié.',
  cueOnHeader: 'dans l’en-tête du message',
  category: {
    error: 'Erreur',
    technical: 'Indice technique',
    visual: 'Présentation',
    language: 'Ton et contenu',
    tactic: 'Tactique',
  } as Record<string, string>,
  reflexHeading: 'Le bon réflexe, la prochaine fois',
  reflexes: [
    'Prenez quelques secondes\u00a0: qui écrit, depuis quelle adresse, et pourquoi maintenant\u00a0?',
    'Avant d’ouvrir un lien, survolez-le (ou appuyez longuement dessus sur un téléphone) pour voir où il mène.',
    'En cas de doute, ne cliquez pas et transférez le message à {report}. Un signalement, même pour rien, protège toute l’équipe.',
    'Si un jour vous saisissez votre mot de passe sur un vrai faux site, changez-le tout de suite et prévenez le support informatique.',
  ],
  recorded:
    'Ce qui est enregistré\u00a0: l’ouverture du message, le clic et l’envoi du formulaire, avec leur date. Jamais ce que vous avez saisi.',
  recordedAnonymous: 'Campagne anonyme\u00a0: les résultats sont conservés par service, sans votre nom.',
  moduleHeading: 'Pour aller plus loin ({minutes}\u00a0min)',
  moduleButton: 'Ajouter ce module à mon espace de formation',
  moduleAnonymous: 'Vous pouvez suivre ce module quand vous le souhaitez depuis votre espace de formation.',
  enrolledTitle: 'C’est noté',
  enrolled: 'Le module «\u00a0{title}\u00a0» vous attend dans votre espace de formation.',
  alreadyEnrolled: 'Le module «\u00a0{title}\u00a0» est déjà dans votre espace de formation.',
  enrolUnavailable: 'Ce module ne peut pas être ajouté depuis cette page.',
  openLearning: 'Ouvrir mon espace de formation',
  backToCues: 'Revoir les indices du message',
  reportTitle: 'Signaler un message suspect',
  reportBody:
    'Un doute sur le message qui contenait ce lien\u00a0? Signalez-le\u00a0: l’équipe sécurité de {org} sera prévenue. Vous n’avez rien d’autre à faire.',
  reportButton: 'Signaler ce message',
  reportedTitle: 'Bien vu, merci\u00a0!',
  reportedBody:
    'Ce message était un exercice de sensibilisation organisé par {org}. Votre signalement est enregistré\u00a0: c’est exactement le bon réflexe.',
  seeCues: 'Voir les indices de ce message',
};

type Texts = typeof fr;

const en: Texts = {
  notFoundTitle: 'Link not found',
  notFoundBody:
    'This link is not valid, or no longer valid. If you received it in an email that looks suspicious, forward that message to your security team.',
  unavailableTitle: 'Service temporarily unavailable',
  unavailableBody: 'Please try again in a few moments.',
  tooLargeTitle: 'Submission too large',
  tooLargeBody: 'This form does not accept a submission of that size.',
  teachableTitle: 'This was an exercise, and a good chance to learn',
  teachableLead:
    'This message was a phishing simulation run by {org} to help everyone spot the traps. Nothing you may have typed was recorded or sent anywhere.',
  teachableKind:
    'These messages are designed to deceive, and very careful people fall for them every day, especially in the middle of a shift. What matters are the clues: here they are, on this very message.',
  emailHeading: 'The message you received',
  from: 'From',
  to: 'To',
  subject: 'Subject',
  linksNote: 'The links of this message are disabled; their real destination is shown in brackets.',
  cuesHeading: 'The clues to spot',
  cuesEmpty: 'This message has no listed clue.',
  cueOnHeader: 'in the message header',
  category: {
    error: 'Error',
    technical: 'Technical clue',
    visual: 'Presentation',
    language: 'Tone and content',
    tactic: 'Tactic',
  },
  reflexHeading: 'The right reflex, next time',
  reflexes: [
    'Take a few seconds: who is writing, from which address, and why now?',
    'Before opening a link, hover over it (or press and hold it on a phone) to see where it leads.',
    'When in doubt, do not click: forward the message to {report}. A report, even a false alarm, protects the whole team.',
    'If you ever type your password on a real fake site, change it at once and tell the IT support.',
  ],
  recorded: 'What is recorded: that the message was opened, the link clicked and the form sent, with their time. Never what you typed.',
  recordedAnonymous: 'Anonymous campaign: results are kept per department, without your name.',
  moduleHeading: 'To go further ({minutes} min)',
  moduleButton: 'Add this module to my learning space',
  moduleAnonymous: 'You can take this module whenever you like from your learning space.',
  enrolledTitle: 'Done',
  enrolled: 'The module “{title}” is waiting for you in your learning space.',
  alreadyEnrolled: 'The module “{title}” is already in your learning space.',
  enrolUnavailable: 'This module cannot be added from this page.',
  openLearning: 'Open my learning space',
  backToCues: 'See the clues of the message again',
  reportTitle: 'Report a suspicious message',
  reportBody: 'In doubt about the message that held this link? Report it: the security team of {org} will be told. Nothing else to do.',
  reportButton: 'Report this message',
  reportedTitle: 'Well spotted, thank you!',
  reportedBody: 'This message was an awareness exercise run by {org}. Your report is recorded: that is exactly the right reflex.',
  seeCues: 'See the clues of this message',
};

export const pageTexts: Record<Locale, Texts> = { fr, en };

/** Replaces {name} markers; values are inserted as given (escape them first for HTML). */
export const fill = (text: string, values: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (m, name: string) => values[name] ?? m);
