import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import { NotFound, Unauthenticated } from '../../platform/errors.js';
import { streamTopics } from '../../platform/live/sse.js';
import type { ModuleDeps } from '../index.js';
import { ConsoleService } from './console-service.js';
import { timelineOf } from './console-timeline.js';
import { exerciseIn } from './exercises-repo.js';
import { exerciseParams } from './exercises-schema.js';
import { exerciseScopes, scopeFrom } from './exercises-scopes.js';
import { ObservationsService } from './observations-service.js';
import { cellTopic, consoleTopic } from './play-rules.js';
import { PlayScheduler } from './play-scheduler.js';
import {
  clockSchema,
  consoleCellParams,
  entriesSchema,
  entrySchema,
  gridSchema,
  journalQuery,
  messageBody,
  myExerciseParams,
  observationBody,
  playedSchema,
  playNowBody,
  playStimulusParams,
  timelineSchema,
} from './play-schema.js';
import { CellJournal } from './players-journal.js';
import { playerRoutes } from './players-routes.js';
import { PlayerAccess, seesEveryCell } from './players-space.js';

const tags = ['exercises'];

export function accountOf(request: FastifyRequest): string {
  if (!request.actor) throw new Unauthenticated('unauthenticated', { fr: 'Connectez-vous.', en: 'Please sign in.' });
  return request.actor.accountId;
}

/** Live play: the services, built once, and the timers armed with the app (re-armed from the database on start-up). */
export interface Play {
  scheduler: PlayScheduler;
  console: ConsoleService;
  journal: CellJournal;
  access: PlayerAccess;
  observations: ObservationsService;
}

/** Registers the console, players', observers' and media routes; the app exposes `exercisePlay` (tests, CLI). */
export async function registerPlay(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const scheduler = new PlayScheduler(deps);
  const play: Play = {
    scheduler,
    console: new ConsoleService(deps, scheduler),
    journal: new CellJournal(deps),
    access: new PlayerAccess(deps),
    observations: new ObservationsService(deps),
  };
  fastify.decorate('exercisePlay', play);
  // Like the other jobs: with JOBS off (tests), whoever drives the app starts the timers.
  if (deps.config.JOBS) fastify.addHook('onReady', async () => scheduler.start());
  fastify.addHook('onClose', async () => scheduler.stop());
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  for (const s of exerciseScopes) {
    const one = `${s.base}/:exerciseId`;
    for (const step of ['start', 'pause', 'resume', 'end'] as const) {
      app.post(
        `${one}/play/${step}`,
        { config: s.manage, schema: { tags, params: exerciseParams, response: { 200: clockSchema } } },
        async (request) => play.console.transition(contextOf(request), scopeFrom(s, request), request.params.exerciseId, step),
      );
    }
    app.post(
      `${one}/play/stimuli/:stimulusId/send`,
      { config: s.manage, schema: { tags, params: playStimulusParams, body: playNowBody, response: { 200: playedSchema } } },
      async (request) =>
        play.console.playNow(
          contextOf(request),
          scopeFrom(s, request),
          request.params.exerciseId,
          request.params.stimulusId,
          request.body.cellIds,
        ),
    );
    app.get(
      `${one}/play/timeline`,
      { config: s.observe, schema: { tags, params: exerciseParams, response: { 200: timelineSchema } } },
      async (request) => timelineOf(deps, await exerciseIn(deps.db, scopeFrom(s, request), request.params.exerciseId)),
    );
    app.get(`${one}/play/stream`, { config: s.observe, schema: { tags, params: exerciseParams } }, async (request, reply) => {
      const ex = await exerciseIn(deps.db, scopeFrom(s, request), request.params.exerciseId);
      await streamTopics(request, reply, [consoleTopic(ex.id)]);
    });
    app.get(
      `${one}/play/cells/:cellId/journal`,
      { config: s.observe, schema: { tags, params: consoleCellParams, querystring: journalQuery, response: { 200: entriesSchema } } },
      async (request) => {
        const ex = await exerciseIn(deps.db, scopeFrom(s, request), request.params.exerciseId);
        await cellOf(deps, ex.id, request.params.cellId);
        return play.journal.list(ex.id, request.params.cellId, request.query.kind);
      },
    );
    app.post(
      `${one}/play/cells/:cellId/messages`,
      { config: s.manage, schema: { tags, params: consoleCellParams, body: messageBody, response: { 201: entrySchema } } },
      async (request, reply) => {
        const ex = await exerciseIn(deps.db, scopeFrom(s, request), request.params.exerciseId);
        await cellOf(deps, ex.id, request.params.cellId);
        const entry = await play.journal.write(contextOf(request), ex, request.params.cellId, 'chat', request.body, {
          fromAnimators: true,
        });
        return reply.status(201).send(entry);
      },
    );
    app.get(
      `${one}/observations`,
      { config: s.observe, schema: { tags, params: exerciseParams, response: { 200: gridSchema } } },
      async (request) => play.observations.grid(await exerciseIn(deps.db, scopeFrom(s, request), request.params.exerciseId)),
    );
    app.post(
      `${one}/observations`,
      { config: s.observe, schema: { tags, params: exerciseParams, body: observationBody, response: { 201: gridSchema } } },
      async (request, reply) => {
        const ex = await exerciseIn(deps.db, scopeFrom(s, request), request.params.exerciseId);
        return reply.status(201).send(await play.observations.add(contextOf(request), ex, request.body));
      },
    );
  }

  // Observers and animators placed on the exercise, without a role on its owner.
  app.get(
    '/api/me/exercises/:exerciseId/observations',
    { config: { access: access.signedIn() }, schema: { tags, params: myExerciseParams, response: { 200: gridSchema } } },
    async (request) => play.observations.grid((await staffPlacement(play, accountOf(request), request.params.exerciseId)).exercise),
  );
  app.post(
    '/api/me/exercises/:exerciseId/observations',
    {
      config: { access: access.signedIn() },
      schema: { tags, params: myExerciseParams, body: observationBody, response: { 201: gridSchema } },
    },
    async (request, reply) => {
      const p = await staffPlacement(play, accountOf(request), request.params.exerciseId);
      return reply.status(201).send(await play.observations.add(contextOf(request), p.exercise, request.body));
    },
  );
  await localAnimatorRoutes(app, deps, play);
  await playerRoutes(app, play);
}

/**
 * The console as a local animator sees it: placed in one or more cells with `local_animator`, they
 * follow the timeline and their cells, chat with them and play spare stimuli to them; the clock
 * (start, pause, resume, end) stays with the owner's managers.
 */
async function localAnimatorRoutes(fastify: FastifyInstance, deps: ModuleDeps, play: Play) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const base = '/api/me/exercises/:exerciseId/console';
  const signedIn = { access: access.signedIn() };
  const cellFor = async (request: FastifyRequest, exerciseId: string, cellId: string) => {
    const mine = await play.console.localCells(accountOf(request), exerciseId);
    if (!mine.cellIds.includes(cellId)) throw new NotFound('cell');
    return mine.exercise;
  };
  app.get(
    `${base}/timeline`,
    { config: signedIn, schema: { tags, params: myExerciseParams, response: { 200: timelineSchema } } },
    async (request) => {
      const mine = await play.console.localCells(accountOf(request), request.params.exerciseId);
      const all = await timelineOf(deps, mine.exercise);
      const own = (id: string) => mine.cellIds.includes(id);
      return {
        ...all,
        cells: all.cells.filter((c) => own(c.id)),
        stimuli: all.stimuli.map((st) => ({ ...st, cellIds: st.cellIds.filter(own) })),
      };
    },
  );
  // Their cells' own feeds (what their players see, and every write of those cells), not the
  // owner's console topic, which carries every cell.
  app.get(`${base}/stream`, { config: signedIn, schema: { tags, params: myExerciseParams } }, async (request, reply) => {
    const mine = await play.console.localCells(accountOf(request), request.params.exerciseId);
    if (mine.cellIds.length === 0) throw new NotFound('exercise');
    await streamTopics(
      request,
      reply,
      mine.cellIds.map((id) => cellTopic(mine.exercise.id, id)),
    );
  });
  app.get(
    `${base}/cells/:cellId/journal`,
    { config: signedIn, schema: { tags, params: consoleCellParams, querystring: journalQuery, response: { 200: entriesSchema } } },
    async (request) => {
      const ex = await cellFor(request, request.params.exerciseId, request.params.cellId);
      return play.journal.list(ex.id, request.params.cellId, request.query.kind);
    },
  );
  app.post(
    `${base}/cells/:cellId/messages`,
    { config: signedIn, schema: { tags, params: consoleCellParams, body: messageBody, response: { 201: entrySchema } } },
    async (request, reply) => {
      const ex = await cellFor(request, request.params.exerciseId, request.params.cellId);
      const entry = await play.journal.write(contextOf(request), ex, request.params.cellId, 'chat', request.body, { fromAnimators: true });
      return reply.status(201).send(entry);
    },
  );
  app.post(
    `${base}/stimuli/:stimulusId/send`,
    { config: signedIn, schema: { tags, params: playStimulusParams, body: playNowBody, response: { 200: playedSchema } } },
    async (request) =>
      play.console.playNowAsLocal(
        contextOf(request),
        accountOf(request),
        request.params.exerciseId,
        request.params.stimulusId,
        request.body.cellIds,
      ),
  );
}

async function staffPlacement(play: Play, accountId: string, exerciseId: string) {
  const p = await play.access.placement(accountId, exerciseId);
  if (!seesEveryCell(p)) throw new NotFound('exercise');
  return p;
}

async function cellOf(deps: ModuleDeps, exerciseId: string, cellId: string) {
  const cell = await deps.db
    .selectFrom('exercise_cells')
    .select('id')
    .where('exercise_id', '=', exerciseId)
    .where('id', '=', cellId)
    .executeTakeFirst();
  if (!cell) throw new NotFound('cell');
  return cell;
}
