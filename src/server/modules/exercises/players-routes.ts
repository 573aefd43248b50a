import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import { streamTopics } from '../../platform/live/sse.js';
import { playerCellParams } from './exercises-schema.js';
import { accountOf, type Play } from './play-routes.js';
import { cellTopic } from './play-rules.js';
import {
  decisionBody,
  entriesSchema,
  entrySchema,
  journalQuery,
  logbookBody,
  mediaSchema,
  messageBody,
  myExerciseParams,
  replyBody,
  taskBody,
  taskParams,
  taskUpdateBody,
} from './play-schema.js';
import type { EntryInput } from './players-journal.js';
import type { EntryKind } from './tables.js';

const tags = ['exercises'];
const signedIn = { access: access.signedIn() };

/** The players' space: placement in the cell opens it (checked by PlayerAccess), another cell answers 404. */
export async function playerRoutes(fastify: FastifyInstance, play: Play): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const cellBase = '/api/me/exercises/:exerciseId/cells/:cellId';

  // One stream per page: a reconnecting phone sends Last-Event-ID and gets what it missed.
  app.get(`${cellBase}/stream`, { config: signedIn, schema: { tags, params: playerCellParams } }, async (request, reply) => {
    const { exerciseId, cellId } = request.params;
    await play.access.cell(accountOf(request), exerciseId, cellId);
    await streamTopics(request, reply, [cellTopic(exerciseId, cellId)]);
  });
  app.get(
    `${cellBase}/journal`,
    { config: signedIn, schema: { tags, params: playerCellParams, querystring: journalQuery, response: { 200: entriesSchema } } },
    async (request) => {
      const { exerciseId, cellId } = request.params;
      await play.access.cell(accountOf(request), exerciseId, cellId);
      return play.journal.list(exerciseId, cellId, request.query.kind);
    },
  );

  const writes: Array<
    [string, EntryKind, typeof replyBody | typeof logbookBody | typeof decisionBody | typeof taskBody | typeof messageBody]
  > = [
    ['replies', 'reply', replyBody],
    ['logbook', 'logbook', logbookBody],
    ['decisions', 'decision', decisionBody],
    ['tasks', 'task', taskBody],
    ['messages', 'chat', messageBody],
  ];
  for (const [path, kind, body] of writes) {
    app.post(
      `${cellBase}/${path}`,
      { config: signedIn, schema: { tags, params: playerCellParams, body, response: { 201: entrySchema } } },
      async (request, reply) => {
        const { exerciseId, cellId } = request.params;
        const p = await play.access.cell(accountOf(request), exerciseId, cellId);
        // Local animators and animators speak for the animation team in the chat.
        const fromAnimators = p.function === 'animator' || p.function === 'local_animator';
        const entry = await play.journal.write(contextOf(request), p.exercise, cellId, kind, request.body as EntryInput, { fromAnimators });
        return reply.status(201).send(entry);
      },
    );
  }
  app.patch(
    `${cellBase}/tasks/:taskId`,
    { config: signedIn, schema: { tags, params: taskParams, body: taskUpdateBody, response: { 200: entrySchema } } },
    async (request) => {
      const { exerciseId, cellId, taskId } = request.params;
      const p = await play.access.cell(accountOf(request), exerciseId, cellId);
      return play.journal.updateTask(contextOf(request), p.exercise, cellId, taskId, request.body);
    },
  );
  app.get(
    '/api/me/exercises/:exerciseId/media',
    { config: signedIn, schema: { tags, params: myExerciseParams, response: { 200: mediaSchema } } },
    async (request) => play.access.media(accountOf(request), request.params.exerciseId),
  );
}
