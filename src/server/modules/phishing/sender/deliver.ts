import type { Selectable } from 'kysely';
import type { PhishingSendingProfilesTable } from '../tables.js';
import { newToken, tokenHash } from '../tokens.js';
import { buildSimulationEmail, type SimulationEmail } from './message.js';
import { SmtpClient, SmtpError, type SmtpOptions, type SmtpReply } from './smtp-client.js';
import type { ActiveCampaign, ClaimedRecipient, SenderDeps, SenderStore } from './store.js';

export type ProfileRow = Selectable<PhishingSendingProfilesTable>;

/** What every email of one batch shares: texts, names, the profile's SMTP settings. */
export interface BatchContext {
  profile: ProfileRow;
  smtp: SmtpOptions;
  texts: Map<string, SimulationEmail['template'] & { language: 'fr' | 'en' }>;
  organizations: Map<string, string>;
  jobTitles: Map<string, string | null>;
}

export interface DeliveryPolicy {
  baseUrl: string;
  reportAddress: string;
  /** Delay before the n-th retry (the last one repeats). */
  retryDelaysMs: number[];
  maxAttempts: number;
}

export interface Item {
  campaign: ActiveCampaign;
  r: ClaimedRecipient;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Sends one claimed email over an open connection, following ADR 0007: everything up to the
 * last byte of the body is written, then "sent" is committed and the final "." written in the
 * same synchronous tick; the server's verdict decides delivered, retry or failed.
 */
export class Delivery {
  constructor(
    private readonly deps: SenderDeps,
    private readonly store: SenderStore,
    private readonly policy: DeliveryPolicy,
    private readonly log: (message: string, err?: unknown) => void,
  ) {}

  private now = () => this.deps.clock.now();

  async send(client: SmtpClient, ctx: BatchContext, { campaign, r }: Item): Promise<void> {
    const anonymous = campaign.anonymous === 1;
    const text = ctx.texts.get(campaign.template_id);
    if (!r.email || !text) {
      await this.store.failed(r, r.email ? 'the template has no text' : 'no email address', anonymous, this.now().toISOString());
      return;
    }
    const token = newToken();
    const started = this.now();
    let built: Awaited<ReturnType<typeof buildSimulationEmail>>;
    try {
      built = await buildSimulationEmail({
        campaignId: campaign.id,
        token,
        baseUrl: this.policy.baseUrl,
        language: text.language,
        template: text,
        profile: {
          fromName: ctx.profile.from_name,
          fromAddress: ctx.profile.from_address,
          timeZone: ctx.profile.time_zone,
          extraHeaders: parseHeaders(ctx.profile.extra_headers),
        },
        recipient: {
          email: r.email,
          firstName: r.first_name,
          lastName: r.last_name,
          service: r.service,
          site: r.site,
          jobTitle: r.person_id ? (ctx.jobTitles.get(r.person_id) ?? null) : null,
          organization: ctx.organizations.get(r.organization_id) ?? '',
        },
        reportAddress: this.policy.reportAddress,
        now: started,
      });
      await client.beginMessage(built.envelopeFrom, r.email);
      await client.writeBody(built.raw);
    } catch (err) {
      await this.rejected({ campaign, r }, err);
      return;
    }

    const verdict = await this.commitAndEnd(client, r, tokenHash(token), built.messageId);
    if (verdict === 'lost') {
      await this.temporary({ campaign, r }, new SmtpError('data', null, 'connection lost before the end of the message'));
      return;
    }
    if (verdict === 'not-ours') {
      this.log(`phishing sender: recipient ${r.id} is no longer claimed by this worker; message abandoned`);
      return;
    }
    let reply: SmtpReply;
    try {
      reply = await verdict.reply;
    } catch (err) {
      await this.store.unknown(r, `no verdict after the end of the message: ${message(err)}`, anonymous, this.now().toISOString());
      return;
    }
    const said = `${reply.code} ${reply.lines.join(' ')}`.trim();
    if (reply.code >= 200 && reply.code < 300) await this.store.delivered(r, anonymous, this.now().toISOString());
    else if (reply.code >= 400 && reply.code < 500) await this.temporary({ campaign, r }, new SmtpError('end', reply.code, said));
    else await this.store.failed(r, said, anonymous, this.now().toISOString());
  }

  /**
   * The exactly-once step. SQLite: once no Kysely transaction holds the shared handle, commit
   * through the raw handle and write the "." in the same synchronous run. PostgreSQL: await the
   * commit, then write at once.
   */
  private async commitAndEnd(
    client: SmtpClient,
    r: ClaimedRecipient,
    hash: string,
    messageId: string,
  ): Promise<'lost' | 'not-ours' | { reply: Promise<SmtpReply> }> {
    if (this.store.synchronous) {
      for (;;) {
        await this.store.whenNoTransaction();
        if (!client.usable) return 'lost' as const;
        if (this.deps.dbh.sqlite?.inTransaction) continue;
        // --- one synchronous run from here: commit, then the end of DATA ---
        if (!this.store.commitSentSync(r, hash, messageId, this.now().toISOString())) {
          client.destroy(); // the server drops a message whose "." never came
          return 'not-ours' as const;
        }
        return { reply: client.endData() };
      }
    }
    if (!client.usable) return 'lost' as const;
    if (!(await this.store.commitSent(r, hash, messageId, this.now().toISOString()))) {
      client.destroy();
      return 'not-ours' as const;
    }
    return { reply: client.endData() };
  }

  /** A failure before the end of DATA: nothing was delivered. */
  async rejected(item: Item, err: unknown): Promise<void> {
    if (err instanceof SmtpError && !err.temporary && ['mail', 'rcpt', 'data'].includes(err.stage)) {
      await this.store.failed(item.r, err.message, item.campaign.anonymous === 1, this.now().toISOString());
      return;
    }
    if (!(err instanceof SmtpError)) this.log(`phishing sender: recipient ${item.r.id}`, err);
    await this.temporary(item, err);
  }

  /** Tried again later with backoff, or failed once the attempts are used up. */
  async temporary({ campaign, r }: Item, err: unknown): Promise<void> {
    const now = this.now();
    if (r.attempts >= this.policy.maxAttempts) {
      await this.store.failed(r, `${message(err)} (after ${r.attempts} attempts)`, campaign.anonymous === 1, now.toISOString());
      return;
    }
    const delays = this.policy.retryDelaysMs;
    const delay = delays[Math.min(Math.max(r.attempts - 1, 0), delays.length - 1)] ?? 60_000;
    await this.store.retry(r, message(err), new Date(now.getTime() + delay).toISOString());
  }

  /** Loads what a batch's emails share. */
  async context(profile: ProfileRow, items: Item[], smtpExtra: Partial<SmtpOptions>): Promise<BatchContext> {
    const texts: BatchContext['texts'] = new Map();
    for (const templateId of new Set(items.map((i) => i.campaign.template_id))) {
      const rows = await this.store.templateTexts(templateId);
      const t = rows.find((x) => x.language === 'fr') ?? rows.find((x) => x.language === 'en');
      if (t)
        texts.set(templateId, {
          language: t.language,
          fromName: t.from_name,
          fromLocalPart: t.from_local_part,
          subject: t.subject,
          html: t.html,
        });
    }
    const people = items.map((i) => i.r.person_id).filter((p): p is string => p !== null);
    return {
      profile,
      smtp: {
        host: profile.host,
        port: profile.port,
        tlsMode: profile.tls_mode,
        username: profile.username,
        password: profile.password_sealed ? this.deps.secrets.open(profile.password_sealed) : null,
        ...smtpExtra,
      },
      texts,
      organizations: await this.store.organizationNames([...new Set(items.map((i) => i.r.organization_id))]),
      jobTitles: await this.store.jobTitles([...new Set(people)]),
    };
  }

  connect(ctx: BatchContext): Promise<SmtpClient> {
    return SmtpClient.connect(ctx.smtp);
  }
}

function parseHeaders(json: string): Array<{ name: string; value: string }> {
  try {
    const v: unknown = JSON.parse(json);
    if (!Array.isArray(v)) return [];
    return v.filter((h): h is { name: string; value: string } => typeof h?.name === 'string' && typeof h?.value === 'string');
  } catch {
    return [];
  }
}
