import { createPublicKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { type CallContext, checkContext } from '../../context/call-context.js';
import { EcloudError } from '../../errors/ecloud-error.js';
import { type AuditVerification, verifyAuditChain } from '../../identity/audit/audit-chain.js';
import { type SignedCheckpoint, signCheckpoint } from '../../identity/audit/audit-checkpoint.js';
import type { AuditRecord } from '../../identity/audit/audit-record.js';
import { auditRecordId, chainedRecord } from '../../identity/audit/stored-audit.js';
import type { Page } from '../../model/page.js';
import { parseInput } from '../../model/validate.js';
import { allRecords } from '../../store/all-records.js';
import type { Store } from '../../store/store.js';
import type { OperationTable } from '../access/operation-rule.js';
import { authorize, PLATFORM } from '../identity/identity-guard.js';
import { listPage, type ServiceDeps } from '../service-deps.js';
import { type AuditSubject, audited } from './audit-trail.js';

/** The key checkpoints of the chain's head are signed with (Ed25519, PEM). @public */
export interface AuditSigningKeyOption {
  readonly id: string;
  readonly privateKey: string;
}

/** The audit log as its readers use it; nobody can change or delete a record (R-SEC-2, R-SEC-3). @public */
export interface AuditService {
  /** One page of records, oldest first; `audit:read`. */
  list(ctx: CallContext, page?: { limit?: number; cursor?: string }): Promise<Page<AuditRecord>>;
  /**
   * Walks the whole chain once and names the first record edited, deleted, reordered or inserted; with
   * a checkpoint kept apart from the log, also a cut of the newest records. `audit:verify`.
   */
  verify(ctx: CallContext, options?: { readonly checkpoint?: SignedCheckpoint }): Promise<AuditVerification>;
  /**
   * Signs the chain's head now, with the cloud's audit key: keep the result away from the store (another
   * system, paper), and hand it to `verify` later. `audit:verify`; without a key, `ILLEGAL_STATE`.
   */
  checkpoint(ctx: CallContext): Promise<SignedCheckpoint>;
  /**
   * Every record from `fromSeq` (default the first) to the head as it is when the export starts,
   * streamed a page at a time — for an archive or a SIEM. `audit:export`; the export itself is
   * recorded before the first record is read.
   */
  export(ctx: CallContext, options?: AuditExportOptions): Promise<AsyncIterable<AuditRecord>>;
}

/** Options of `audit.export`. @public */
export const AuditExportOptions = z.strictObject({ fromSeq: z.number().int().min(1).optional() });
/** Options of `audit.export` (the type of the {@link AuditExportOptions} schema). @public */
export type AuditExportOptions = z.input<typeof AuditExportOptions>;

/** The right each audit operation checks, on the platform. @internal */
export const AUDIT_OPERATIONS = {
  list: 'audit:read',
  verify: 'audit:verify',
  checkpoint: 'audit:verify',
  export: 'audit:export',
} as const satisfies OperationTable<AuditService>;

/** What an audit-log operation acts on, for its own audit record. */
function subject(action: string): AuditSubject {
  return { action, resource: { type: 'auditLog', id: null }, target: PLATFORM };
}

/** The records `fromSeq`..`toSeq`, a page at a time from the record ids, which sort by seq. */
async function* exportRecords(store: Store, fromSeq: number, toSeq: number): AsyncGenerator<AuditRecord> {
  const last = auditRecordId(toSeq);
  let after = auditRecordId(fromSeq - 1);
  for (;;) {
    const page = await store.list('auditRecords', { limit: 500, after });
    for (const stored of page.items) {
      if (stored.id > last) return;
      yield chainedRecord(stored);
    }
    if (page.nextCursor === undefined) return;
    after = page.nextCursor;
  }
}

/** Builds the audit service. @internal */
export function createAuditService(
  deps: ServiceDeps,
  signingKey: AuditSigningKeyOption | undefined,
): AuditService {
  const { store } = deps;
  const publicKey: KeyObject | undefined = signingKey && createPublicKey(signingKey.privateKey);
  return {
    async list(ctx, page) {
      checkContext(ctx);
      return audited(store, ctx, subject('audit:read'), async (done) => {
        await authorize(store, ctx, AUDIT_OPERATIONS.list, PLATFORM);
        const stored = await listPage(store, 'auditRecords', {}, page);
        await store.transaction((tx) => done(tx));
        return { ...stored, items: stored.items.map(chainedRecord) };
      });
    },

    async verify(ctx, options = {}) {
      checkContext(ctx);
      return audited(store, ctx, subject('audit:verify'), async (done) => {
        await authorize(store, ctx, AUDIT_OPERATIONS.verify, PLATFORM);
        const records = async function* () {
          for await (const stored of allRecords(store, 'auditRecords')) yield chainedRecord(stored);
        };
        const result = await verifyAuditChain(records(), {
          ...(options.checkpoint === undefined ? {} : { checkpoint: options.checkpoint }),
          ...(publicKey === undefined ? {} : { publicKey }),
        });
        // Recorded after the walk, so the verification does not read its own record.
        await store.transaction((tx) => done(tx, null, { ok: result.ok, records: result.records }));
        return result;
      });
    },

    async checkpoint(ctx) {
      checkContext(ctx);
      return audited(store, ctx, subject('audit:checkpoint'), async (done) => {
        await authorize(store, ctx, AUDIT_OPERATIONS.checkpoint, PLATFORM);
        if (signingKey === undefined) {
          throw new EcloudError(
            'ILLEGAL_STATE',
            'No audit signing key is configured (cloud option audit.signingKey).',
            {
              details: {},
            },
          );
        }
        const head = await store.get('auditHeads', 'head');
        if (!head) throw new EcloudError('ILLEGAL_STATE', 'The audit log is empty.', { details: {} });
        const checkpoint = signCheckpoint({ seq: head.seq, hash: head.hash }, signingKey, new Date());
        await store.transaction((tx) => done(tx, null, { seq: checkpoint.seq }));
        return checkpoint;
      });
    },

    async export(ctx, options = {}) {
      checkContext(ctx);
      const { fromSeq = 1 } = parseInput(AuditExportOptions, options, 'audit export options');
      return audited(store, ctx, subject(AUDIT_OPERATIONS.export), async (done) => {
        await authorize(store, ctx, AUDIT_OPERATIONS.export, PLATFORM);
        const head = await store.get('auditHeads', 'head');
        await store.transaction((tx) => done(tx, null, { fromSeq, toSeq: head?.seq ?? 0 }));
        return exportRecords(store, fromSeq, head?.seq ?? 0);
      });
    },
  };
}
