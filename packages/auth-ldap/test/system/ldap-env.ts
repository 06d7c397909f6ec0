// The directory scripts/services.sh starts, as its env file describes it. A missing variable fails the
// run: system tests never skip.

import { requireEnv } from '../../../../test-support/service-env.js';

/** Where the test directory is and how the service account binds. */
export const env = {
  url: requireEnv('ECLOUD_LDAP_URL'),
  baseDn: requireEnv('ECLOUD_LDAP_BASE_DN'),
  bindDn: requireEnv('ECLOUD_LDAP_BIND_DN'),
  bindPassword: requireEnv('ECLOUD_LDAP_BIND_PASSWORD'),
};

/** The test users' passwords. */
export const password = {
  alice: requireEnv('ECLOUD_LDAP_ALICE_PASSWORD'),
  bob: requireEnv('ECLOUD_LDAP_BOB_PASSWORD'),
  carol: requireEnv('ECLOUD_LDAP_CAROL_PASSWORD'),
  dave: requireEnv('ECLOUD_LDAP_DAVE_PASSWORD'),
  twin: requireEnv('ECLOUD_LDAP_TWIN_PASSWORD'),
};
