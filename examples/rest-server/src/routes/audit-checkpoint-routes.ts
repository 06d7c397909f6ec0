import { SignedCheckpoint } from '@ecloud/core';
import { z } from 'zod';
import { type RouteSpec, route } from './route.js';

const tag = 'audit';

/** A position in the audit chain: a record's sequence number and hash. */
const ChainHead = SignedCheckpoint.pick({ seq: true, hash: true });

/** What a chain check found: every record intact up to `head`, or the first problem, in log order. */
const CheckpointVerification = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), records: z.number().int(), head: ChainHead.nullable() }),
  z.object({
    ok: z.literal(false),
    records: z.number().int(),
    problem: z.object({
      kind: z.enum(['edited', 'deleted', 'reordered', 'inserted', 'truncated', 'bad-checkpoint']),
      seq: z.number().int(),
      message: z.string(),
    }),
  }),
]);

/**
 * Signed checkpoints of the audit chain's head (R-SEC-3): the audit administrator signs one and keeps
 * it away from the store; verifying the log against it later proves that none of the records it covers
 * was cut, which the chain alone cannot show. The core signs with the cloud's audit key (without one,
 * 409 `ILLEGAL_STATE`); it keeps no checkpoints itself — that is the point — so there is none to list.
 */
export const AUDIT_CHECKPOINT_ROUTES: readonly RouteSpec[] = [
  route({
    method: 'POST',
    path: '/v1/audit/checkpoints',
    operationId: 'signAuditCheckpoint',
    summary:
      "Signs the audit chain's head now; keep the answer outside the cloud and verify against it later.",
    tag,
    // 200, not 201: the checkpoint is handed over, not kept — nothing is created here to read back.
    response: { status: 200, schema: SignedCheckpoint },
    handle: async ({ cloud, ctx }) => ({
      kind: 'json',
      status: 200,
      body: await cloud.audit.checkpoint(ctx),
    }),
  }),
  route({
    method: 'POST',
    path: '/v1/audit/checkpoints/verify',
    operationId: 'verifyAuditCheckpoint',
    summary:
      'Recomputes the audit chain against a signed checkpoint: a forged checkpoint, or records cut or changed up to it, are reported.',
    tag,
    body: SignedCheckpoint,
    response: { status: 200, schema: CheckpointVerification },
    handle: async ({ cloud, ctx, body }) => ({
      kind: 'json',
      status: 200,
      body: await cloud.audit.verify(ctx, { checkpoint: body }),
    }),
  }),
];
