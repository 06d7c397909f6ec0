// A server over a fresh in-memory cloud on the simulator, with the three administrators, a tenant
// with its own administrator, and the catalog an instance needs — what every route test starts from.

import { type Cloud, createCloud, createMemoryStore, systemContext } from '@ecloud/core';
import { simulator } from '@ecloud/core/testing';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { bootstrapAdmins } from '../src/bootstrap-admins.js';
import { seedDemoInventory } from '../src/demo-inventory.js';
import { buildServer, type ServerOptions } from '../src/server.js';

export const PASSWORD = 'Test-passw0rd!';

/** A running test server and what it was seeded with. */
export interface TestServer {
  readonly app: FastifyInstance;
  readonly cloud: Cloud;
  /** Bearer tokens by user name: sysadmin, secadmin, auditadmin, and the tenants' admins. */
  readonly tokens: Readonly<Record<string, string>>;
  readonly tenants: { readonly demo: string; readonly other: string };
  readonly offeringId: string;
  readonly imageId: string;
  /** Sends a request as `user` (no token when undefined). */
  call(user: string | undefined, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** Builds the server; `options` go to {@link buildServer}. */
export async function testServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const cloud = await createCloud({
    store: createMemoryStore(),
    drivers: [simulator({ name: 'sim', hypervisor: 'kvm', hosts: { count: 4 } })],
    nodeId: 'rest-test',
    ha: { enabled: false },
  });
  await seedDemoInventory(cloud, 'sim');
  await bootstrapAdmins(cloud, PASSWORD);
  const sys = systemContext('test');
  const demo = (await cloud.tenants.list(sys)).items[0]?.id ?? '';
  const other = (await cloud.tenants.create(sys, { name: 'other' })).id;
  for (const [name, tenant] of [
    ['demo-admin', demo],
    ['other-admin', other],
  ] as const) {
    const user = await cloud.identity.principals.create(sys, { kind: 'user', name, password: PASSWORD });
    await cloud.identity.bindings.grant(sys, {
      principalId: user.id,
      roleId: 'role-tenant-admin',
      scope: { kind: 'tenant', id: tenant },
    });
  }
  const app = await buildServer({ cloud, ...options });
  const tokens: Record<string, string> = {};
  for (const username of ['sysadmin', 'secadmin', 'auditadmin', 'demo-admin', 'other-admin']) {
    const answer = await app.inject({
      method: 'POST',
      url: '/v1/auth/tokens',
      payload: { username, password: PASSWORD },
    });
    tokens[username] = answer.json().token;
  }
  const offeringId = (await cloud.offerings.list(sys)).items.find((o) => o.name === 'small')?.id ?? '';
  const imageId = (await cloud.images.list(sys)).items[0]?.id ?? '';
  return {
    app,
    cloud,
    tokens,
    tenants: { demo, other },
    offeringId,
    imageId,
    call: (user, request) =>
      app.inject({
        ...request,
        headers: { ...(user ? { authorization: `Bearer ${tokens[user]}` } : {}), ...request.headers },
      }),
    close: async () => {
      await app.close();
      await cloud.close();
    },
  };
}
