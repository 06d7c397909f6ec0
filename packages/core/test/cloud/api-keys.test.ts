import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex, signRequest } from '../../src/identity/authn/request-signing.js';
import { type Fixture, failure, makeFixture, STORES } from '../helpers/fixture.js';

const KEK = randomBytes(32);

/** A request signed as a client would, now. */
function signed(keyId: string, secret: string, nonce = randomUUID().replaceAll('-', '')) {
  const parts = {
    method: 'POST',
    path: '/v1/instances',
    query: { dryRun: 'true' },
    bodySha256: sha256Hex('{"name":"web"}'),
    timestamp: Date.now(),
    nonce,
    keyId,
  };
  return { ...parts, signature: signRequest(Buffer.from(secret, 'base64url'), parts) };
}

describe.each(STORES)('API keys of service accounts ($name store)', ({ make }) => {
  let f: Fixture;
  afterEach(async () => f?.cloud.close());

  it('turns a signed request into its service account, once per nonce, until the key is revoked', async () => {
    f = await makeFixture({ store: make(), cloud: { identity: { apiKeyEncryptionKey: KEK } } });
    const robot = await f.cloud.identity.principals.create(f.admin, {
      kind: 'serviceAccount',
      name: 'ci-robot',
    });
    const key = await f.cloud.identity.apiKeys.create(f.admin, robot.id);
    expect(key.principalId).toBe(robot.id);
    // The store keeps the secret sealed, never as it was handed out.
    expect(JSON.stringify(await f.store.get('apiKeys', key.keyId))).not.toContain(key.secret);

    const request = signed(key.keyId, key.secret);
    expect(await f.cloud.identity.apiKeys.authenticateRequest(request)).toEqual({
      principal: { id: robot.id, type: 'service' },
    });
    expect(await failure(f.cloud.identity.apiKeys.authenticateRequest(request))).toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'replay' },
    });
    const forged = { ...signed(key.keyId, key.secret), path: '/v1/hosts' };
    expect((await failure(f.cloud.identity.apiKeys.authenticateRequest(forged))).details.reason).toBe(
      'signature',
    );
    const stranger = signed(key.keyId, randomBytes(32).toString('base64url'));
    expect((await failure(f.cloud.identity.apiKeys.authenticateRequest(stranger))).details.reason).toBe(
      'signature',
    );

    await f.cloud.identity.apiKeys.revoke(f.admin, key.keyId);
    expect(
      (await failure(f.cloud.identity.apiKeys.authenticateRequest(signed(key.keyId, key.secret)))).details
        .reason,
    ).toBe('unknown-key');
  });

  it('makes keys for service accounts only, with the right, and only with a key-encryption key', async () => {
    f = await makeFixture({ store: make() });
    const robot = await f.cloud.identity.principals.create(f.admin, {
      kind: 'serviceAccount',
      name: 'ci-robot',
    });
    expect((await failure(f.cloud.identity.apiKeys.create(f.admin, robot.id))).code).toBe('ILLEGAL_STATE');
    await f.cloud.close();
    f = await makeFixture({ store: make(), cloud: { identity: { apiKeyEncryptionKey: KEK } } });
    const user = await f.cloud.identity.principals.create(f.admin, { kind: 'user', name: 'human' });
    expect((await failure(f.cloud.identity.apiKeys.create(f.admin, user.id))).code).toBe('NOT_FOUND');
    const robot2 = await f.cloud.identity.principals.create(f.admin, { kind: 'serviceAccount', name: 'bot' });
    const caller = { principal: { id: user.id, type: 'user' as const } };
    expect((await failure(f.cloud.identity.apiKeys.create(caller, robot2.id))).code).toBe(
      'PERMISSION_DENIED',
    );
    // A disabled account's key is refused.
    const key = await f.cloud.identity.apiKeys.create(f.admin, robot2.id);
    await f.cloud.identity.principals.setState(f.admin, robot2.id, 'disabled');
    expect(
      (await failure(f.cloud.identity.apiKeys.authenticateRequest(signed(key.keyId, key.secret)))).code,
    ).toBe('UNAUTHENTICATED');
  });
});
