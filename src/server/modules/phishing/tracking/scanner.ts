import type { EventKind, ScannerReason } from '../tables.js';
import { type AddressRange, inRanges, type ParsedAddress, parseRanges } from './addresses.js';

/**
 * Who followed the link: a person, or a machine acting for the mailbox?
 *
 * Mail gateways, link checkers and preview builders open images and follow links of incoming
 * messages before anyone reads them; counting them would turn a careful organization into one
 * where "everyone clicked". The rule, applied to every tracked request:
 * 1. a HEAD request is a machine checking a link (`head`);
 * 2. a user agent missing, or containing a fragment of the built-in list or of
 *    PHISHING_SCANNER_USER_AGENTS, case-insensitive (`user-agent`);
 * 3. a client address inside a range of PHISHING_SCANNER_ADDRESSES, IPv4 or IPv6 (`address`);
 * 4. sooner than PHISHING_SCANNER_MIN_SECONDS after the email was sent, or before it was sent at
 *    all (`too-soon`) — reports are exempt: reporting at once is what we hope for;
 * 5. afterwards, a click that no browser followed up within FOLLOW_UP_SECONDS, i.e. the landing
 *    page's beacon image never loaded and no form was submitted (`no-follow-up`, set by the
 *    periodic job flagClicksWithoutFollowUp).
 * A flagged event is kept (with its reason) but never sets opened_at/clicked_at: it counts in
 * scanner_flagged. A human open is an unflagged open. A human click is the first click confirmed
 * by an unflagged beacon within FOLLOW_UP_SECONDS, or by a submitted form.
 */

/** How long a browser has to load the landing page's beacon after a click. */
export const FOLLOW_UP_SECONDS = 60;

/**
 * Fragments of the user agents of mail security gateways, link checkers, preview builders and
 * HTTP libraries (lower case). Kept specific: a bare "bot" would also match phone models.
 */
export const BUILT_IN_SCANNER_AGENTS: readonly string[] = [
  'bot/',
  'bot;',
  'bot.htm',
  'crawler',
  'spider',
  'headlesschrome',
  'phantomjs',
  'slurp',
  'preview',
  'linkcheck',
  'link-check',
  'urlscan',
  'urldefense',
  'safelinks',
  'safe-links',
  'barracuda',
  'mimecast',
  'proofpoint',
  'messagelabs',
  'symantec',
  'trendmicro',
  'trend micro',
  'fortiguard',
  'fortinet',
  'sophos',
  'ironport',
  'cisco',
  'zscaler',
  'forcepoint',
  'websense',
  'checkpoint',
  'paloalto',
  'vadesecure',
  'vade secure',
  'mailinblack',
  'altospam',
  'ms-office',
  'existence discovery',
  'facebookexternalhit',
  'whatsapp',
  'curl/',
  'wget/',
  'python-requests',
  'python-urllib',
  'aiohttp',
  'go-http-client',
  'java/',
  'okhttp',
  'apache-httpclient',
  'libwww-perl',
  'node-fetch',
  'undici',
  'axios/',
];

export interface ScannerRules {
  agents: readonly string[];
  /** Verdicts per user-agent string already seen: the same few browsers make most hits. */
  agentVerdicts: Map<string, boolean>;
  ranges: readonly AddressRange[];
  minSeconds: number;
}

/** Rules from the configuration; a malformed address range stops start-up with its name. */
export function scannerRules(config: {
  PHISHING_SCANNER_USER_AGENTS: string;
  PHISHING_SCANNER_ADDRESSES: string;
  PHISHING_SCANNER_MIN_SECONDS: number;
}): ScannerRules {
  const extra = config.PHISHING_SCANNER_USER_AGENTS.split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0);
  return {
    agents: [...BUILT_IN_SCANNER_AGENTS, ...extra],
    agentVerdicts: new Map(),
    ranges: parseRanges(config.PHISHING_SCANNER_ADDRESSES, 'PHISHING_SCANNER_ADDRESSES'),
    minSeconds: config.PHISHING_SCANNER_MIN_SECONDS,
  };
}

export interface TrackedRequest {
  kind: EventKind;
  method: string;
  userAgent: string | null;
  address: ParsedAddress | null;
  /** When the email was sent (ISO); null: not sent yet. */
  sentAt: string | null;
  at: Date;
}

export function agentLooksAutomated(userAgent: string | null, agents: readonly string[]): boolean {
  if (!userAgent || userAgent.trim() === '') return true;
  const ua = userAgent.toLowerCase();
  return agents.some((fragment) => ua.includes(fragment));
}

const AGENT_VERDICTS_MAX = 10_000;

function automatedAgent(userAgent: string | null, rules: ScannerRules): boolean {
  if (!userAgent) return true;
  let verdict = rules.agentVerdicts.get(userAgent);
  if (verdict === undefined) {
    verdict = agentLooksAutomated(userAgent, rules.agents);
    if (rules.agentVerdicts.size >= AGENT_VERDICTS_MAX) rules.agentVerdicts.clear(); // bounded, whatever clients send
    rules.agentVerdicts.set(userAgent, verdict);
  }
  return verdict;
}

/** The scanner reason of a request (rules 1 to 4 above), or null for a person. */
export function scannerReason(r: TrackedRequest, rules: ScannerRules): ScannerReason | null {
  if (r.method === 'HEAD') return 'head';
  if (automatedAgent(r.userAgent, rules)) return 'user-agent';
  if (inRanges(r.address, rules.ranges)) return 'address';
  if (r.kind !== 'report') {
    if (r.sentAt === null) return 'too-soon';
    const elapsedMs = r.at.getTime() - Date.parse(r.sentAt);
    if (!(elapsedMs >= rules.minSeconds * 1000)) return 'too-soon';
  }
  return null;
}
