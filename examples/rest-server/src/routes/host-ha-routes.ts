import { z } from 'zod';
import { type RouteSpec, route } from './route.js';

const hostIds = z.array(z.string());

/** What one HA round did (the core's `HaTickReport`). */
const HaRound = z.object({
  leader: z
    .boolean()
    .describe('Whether this process held the HA lease; without it the round looks at nothing.'),
  suspect: hostIds,
  fenced: hostIds,
  fenceFailed: hostIds.describe(
    'Hosts whose fence the driver could not confirm: nothing of theirs was restarted.',
  ),
  restarted: z.array(z.string()).describe('Instances restarted elsewhere.'),
  restartFailed: z.array(z.object({ instanceId: z.string(), code: z.string() })),
  recovered: hostIds.describe('Hosts that answer again after being suspect or fenced.'),
  restartPlanMs: z.number(),
});

/**
 * Host HA (R-HA-1, R-HA-2). Rounds normally run on the core's own timer; this one runs a round now, for
 * an operator who has just fixed a host, or a deployment that turned the timer off. A host's HA state is
 * its `state` (`up`, `down`, `disconnected`, `fenced`) on `GET /v1/hosts/{id}`; the core keeps no more.
 */
export const HOST_HA_ROUTES: readonly RouteSpec[] = [
  route({
    method: 'POST',
    path: '/v1/ha/tick',
    operationId: 'runHaRound',
    summary:
      "Runs one host HA round now: every driver's hosts are checked, failed ones fenced and their HA instances restarted.",
    tag: 'hosts',
    response: { status: 200, schema: HaRound },
    handle: async ({ cloud, ctx }) => ({ kind: 'json', status: 200, body: await cloud.ha.tick(ctx) }),
  }),
];
