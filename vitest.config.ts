import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = {
  '@ecloud/core/testing': fileURLToPath(new URL('./packages/core/src/testing/index.ts', import.meta.url)),
  '@ecloud/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)),
  '@ecloud/auth-ldap': fileURLToPath(new URL('./packages/auth-ldap/src/index.ts', import.meta.url)),
  '@ecloud/driver-kvm': fileURLToPath(new URL('./packages/driver-kvm/src/index.ts', import.meta.url)),
  '@ecloud/driver-vmware': fileURLToPath(new URL('./packages/driver-vmware/src/index.ts', import.meta.url)),
  '@ecloud/client': fileURLToPath(new URL('./packages/client/src/index.ts', import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'core',
          root: './packages/core',
          include: ['test/**/*.test.ts'],
          exclude: ['test/system/**'],
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'auth-ldap',
          root: './packages/auth-ldap',
          include: ['test/**/*.test.ts'],
          exclude: ['test/system/**'],
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'driver-kvm',
          root: './packages/driver-kvm',
          include: ['test/**/*.test.ts'],
          exclude: ['test/system/**'],
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'driver-vmware',
          root: './packages/driver-vmware',
          include: ['test/**/*.test.ts'],
          exclude: ['test/system/**'],
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'client',
          root: './packages/client',
          include: ['test/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // Drives the real server and the CLI as child processes.
          name: 'cli',
          root: './packages/cli',
          include: ['test/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'rest-server',
          root: './examples/rest-server',
          include: ['test/**/*.test.ts'],
          exclude: ['test/system/**'],
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // Tests against real services started by scripts/services.sh; they fail when one is missing.
          name: 'system',
          include: ['packages/*/test/system/**/*.test.ts', 'examples/*/test/system/**/*.test.ts'],
          testTimeout: 120_000,
          // The services are shared state (libvirt's test hypervisor lives as long as its daemon):
          // one file at a time, so one file's domains never show up in another's listing.
          fileParallelism: false,
        },
      },
    ],
  },
});
