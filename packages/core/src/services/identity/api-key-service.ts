import { randomBytes } from 'node:crypto';
import { type CallContext, checkContext } from '../../context/call-context.js';
import { EcloudError } from '../../errors/ecloud-error.js';
import { transactWithEvents } from '../../events/outbox.js';
import type { IssuedApiKey } from '../../identity/api-key.js';
import { RequestVerifier, type SignedRequest } from '../../identity/authn/request-signing.js';
import { openSecret, sealSecret } from '../../identity/authn/secret-seal.js';
import { newId } from '../../model/ids.js';
import type { OperationTable } from '../access/operation-rule.js';
import { audited } from '../audit/audit-trail.js';
import { requireRecord, type ServiceDeps } from '../service-deps.js';
import { authorize, PLATFORM } from './identity-guard.js';

/** API keys of service accounts, and signed requests turned back into callers (R-SEC-1). @public */
export interface ApiKeyService {
  /**
   * Makes an API key for a service account and returns its secret — the only time it is shown. Needs
   * `serviceAccount:create`, and a key-encryption key in the cloud options (else `ILLEGAL_STATE`).
   */
  create(ctx: CallContext, serviceAccountId: string): Promise<IssuedApiKey>;
  /** Revokes a key: requests signed with it are refused from now on. Needs `serviceAccount:delete`. */
  revoke(ctx: CallContext, keyId: string): Promise<void>;
  /**
   * The caller an HMAC-signed request stands for: its key must be active, its account an active service
   * account, its timestamp within the clock skew and its nonce new. `UNAUTHENTICATED` otherwise.
   */
  authenticateRequest(request: SignedRequest): Promise<CallContext>;
}

const subject = (action: string, id: string | null) => ({
  action,
  resource: { type: 'apiKey', id },
  target: PLATFORM,
});

/** The rights API-key operations check; authenticating a request is what makes a caller. @internal */
export const API_KEY_OPERATIONS = {
  create: 'serviceAccount:create',
  revoke: 'serviceAccount:delete',
  authenticateRequest: { open: 'runs before anyone is known: it turns a signed request into a caller' },
} as const satisfies OperationTable<ApiKeyService>;

/** Builds the API key service. `kek` seals the secrets; without it keys cannot be made. @internal */
export function createApiKeyService(deps: ServiceDeps, kek: Buffer | undefined): ApiKeyService {
  const { store, bus } = deps;
  const verifier = new RequestVerifier({
    async lookupSecret(keyId) {
      const key = await store.get('apiKeys', keyId);
      if (key?.state !== 'active' || kek === undefined) return undefined;
      return openSecret(kek, key.id, key.sealedSecret);
    },
  });
  return {
    async create(ctx, serviceAccountId) {
      checkContext(ctx);
      return audited(store, ctx, subject('serviceAccount:create', null), async (done) => {
        await authorize(store, ctx, 'serviceAccount:create', PLATFORM);
        if (kek === undefined) {
          throw new EcloudError(
            'ILLEGAL_STATE',
            'No key-encryption key is configured (identity.apiKeyEncryptionKey).',
            {
              details: {},
            },
          );
        }
        const secret = randomBytes(32);
        return transactWithEvents(store, bus, async (tx, effects) => {
          const account = await tx.get('principals', String(serviceAccountId));
          if (account?.kind !== 'serviceAccount') {
            throw new EcloudError('NOT_FOUND', `Service account ${serviceAccountId} does not exist.`, {
              details: { id: serviceAccountId },
            });
          }
          const id = newId('apiKey');
          await tx.insert('apiKeys', {
            id,
            principalId: account.id,
            state: 'active',
            sealedSecret: sealSecret(kek, id, secret),
          });
          effects.emit({ type: 'apikey.created', resourceType: 'apiKey', resourceId: id, tenantId: null });
          await done(tx, id, { principalId: account.id });
          return { keyId: id, secret: secret.toString('base64url'), principalId: account.id };
        });
      });
    },

    async revoke(ctx, keyId) {
      checkContext(ctx);
      await audited(store, ctx, subject('serviceAccount:delete', String(keyId)), async (done) => {
        await authorize(store, ctx, 'serviceAccount:delete', PLATFORM);
        await transactWithEvents(store, bus, async (tx, effects) => {
          const key = await requireRecord(tx, 'apiKeys', String(keyId), 'API key');
          await tx.update('apiKeys', { ...key, state: 'revoked' });
          effects.emit({
            type: 'apikey.revoked',
            resourceType: 'apiKey',
            resourceId: key.id,
            tenantId: null,
          });
          await done(tx, key.id, { principalId: key.principalId });
        });
      });
    },

    async authenticateRequest(request) {
      const { keyId } = await verifier.verify(request);
      const key = await store.get('apiKeys', keyId);
      const account = key && (await store.get('principals', key.principalId));
      if (account?.kind !== 'serviceAccount' || account.state !== 'active') {
        throw new EcloudError('UNAUTHENTICATED', 'The key stands for no active service account.', {
          details: { reason: 'principal' },
        });
      }
      return checkContext({ principal: { id: account.id, type: 'service' } });
    },
  };
}
