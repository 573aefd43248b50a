import type { Actor } from '../../platform/access/actor.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { MediaInput } from './admin-schema.js';

export const MAX_MEDIA_BYTES = 1024 * 1024;

/** The image type read from the first bytes; the declared type and the file name are not trusted. */
export function sniffImage(b: Buffer): 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | null {
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  const head = b.subarray(0, 12).toString('latin1');
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return 'image/gif';
  if (b.length >= 12 && head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

const invalidData = (fr: string, en: string) => new Invalid('invalid_image', { fr, en }, 'dataBase64');

/** Images in lessons: uploaded by organization admins, served to the organization's signed-in users and to the learners shown them. */
export class MediaService {
  constructor(private readonly deps: AppDeps) {}

  async upload(ctx: RequestContext, orgId: string, input: MediaInput): Promise<{ id: string; url: string }> {
    // A data URL (as a browser's FileReader gives) is accepted as well as bare base64.
    const b64 = input.dataBase64.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
    if (b64.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length % 4 === 1) {
      throw invalidData('Le contenu n’est pas du base64 valide.', 'The content is not valid base64.');
    }
    const data = Buffer.from(b64, 'base64');
    if (data.length > MAX_MEDIA_BYTES) throw invalidData('L’image dépasse 1 Mio.', 'The image is larger than 1 MiB.');
    const type = sniffImage(data);
    if (!type)
      throw invalidData('Seules les images PNG, JPEG, GIF et WebP sont acceptées.', 'Only PNG, JPEG, GIF and WebP images are accepted.');
    const declared = input.contentType.toLowerCase().replace('image/jpg', 'image/jpeg');
    if (declared !== '' && declared !== type) {
      throw new Invalid(
        'content_type_mismatch',
        { fr: `Le fichier est de type ${type}, pas ${input.contentType}.`, en: `The file is ${type}, not ${input.contentType}.` },
        'contentType',
      );
    }
    const id = newId();
    const filename = input.filename.replace(/[\\/\r\n]/g, '_');
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('learning_media')
        .values({
          id,
          organization_id: orgId,
          filename,
          content_type: type,
          size: data.length,
          data: data.toString('base64'),
          created_by: ctx.actor?.accountId ?? null,
          created_at: this.deps.clock.now().toISOString(),
        })
        .execute();
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'learning.media_uploaded',
        entityType: 'learning_media',
        entityId: id,
        organizationId: orgId,
        after: { filename, contentType: type, size: data.length },
      });
    });
    return { id, url: `/api/learning/media/${id}` };
  }

  /**
   * For people of the owning organization (staff or any role there), platform admins, and learners
   * assigned a module that shows the image (a territory's flash alert reaches other members' staff);
   * 404 for anyone else.
   */
  async read(actor: Actor, mediaId: string): Promise<{ contentType: string; data: Buffer }> {
    const row = await this.deps.db.selectFrom('learning_media').selectAll().where('id', '=', mediaId).executeTakeFirst();
    if (!row) throw new NotFound('media');
    const allowed =
      actor.personOrganizationId === row.organization_id ||
      actor.grants.some((g) => g.scopeKind === 'organization' && g.scopeId === row.organization_id) ||
      this.deps.policy.isPlatformAdmin(actor) ||
      (actor.personId !== null && (await this.assignedModuleShows(actor.personId, row.id)));
    if (!allowed) throw new NotFound('media');
    return { contentType: row.content_type, data: Buffer.from(row.data, 'base64') };
  }

  /**
   * Whether one of the person's assigned modules links the image in its lessons or questions. The
   * id comes from a stored row (a UUID), so it holds no LIKE wildcard; the scan stays within the
   * person's own assignments.
   */
  private async assignedModuleShows(personId: string, mediaId: string): Promise<boolean> {
    const pattern = `%/api/learning/media/${mediaId}%`;
    const hit = await this.deps.db
      .selectFrom('learning_assignments as a')
      .innerJoin('learning_module_texts as t', 't.module_id', 'a.module_id')
      .select('a.id')
      .where('a.person_id', '=', personId)
      .where((eb) => eb.or([eb('t.screens', 'like', pattern), eb('t.questions', 'like', pattern)]))
      .limit(1)
      .executeTakeFirst();
    return hit !== undefined;
  }
}
