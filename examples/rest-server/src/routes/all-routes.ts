import { CATALOG_ROUTES } from './catalog-routes.js';
import { IDENTITY_ROUTES } from './identity-routes.js';
import { INSTANCE_ROUTES } from './instance-routes.js';
import { AUTH_ROUTES, HOST_ROUTES, JOB_ROUTES, VOLUME_ROUTES } from './operations-routes.js';
import type { RouteSpec } from './route.js';

/** Every API route, in the order the OpenAPI document lists them. */
export const ALL_ROUTES: readonly RouteSpec[] = [
  ...AUTH_ROUTES,
  ...INSTANCE_ROUTES,
  ...HOST_ROUTES,
  ...VOLUME_ROUTES,
  ...JOB_ROUTES,
  ...CATALOG_ROUTES,
  ...IDENTITY_ROUTES,
];
