// The vCenter simulator that scripts/services.sh starts, as its env file describes it. A missing
// variable fails the run: system tests never skip.

import { requireEnv } from '../../../../test-support/service-env.js';

/** Where the simulator is and how to log in to it. */
export interface VcsimEnv {
  /** `https://127.0.0.1:<port>/sdk`. */
  readonly url: string;
  readonly username: string;
  readonly password: string;
  /** Path of the PEM certificate the simulator serves (self-signed: it is its own CA). */
  readonly caFile: string;
}

/** Reads the environment; throws on the first variable that is missing. */
export function vcsimEnv(): VcsimEnv {
  return {
    url: requireEnv('ECLOUD_VCSIM_URL'),
    username: requireEnv('ECLOUD_VCSIM_USERNAME'),
    password: requireEnv('ECLOUD_VCSIM_PASSWORD'),
    caFile: requireEnv('ECLOUD_VCSIM_CA'),
  };
}
