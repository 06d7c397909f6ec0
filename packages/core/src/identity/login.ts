import { z } from 'zod';

/** Input of `cloud.identity.login`: a local user's name and password. Never logged. @public */
export const LoginInput = z.strictObject({
  username: z.string().min(1).max(255),
  password: z.string().min(1).max(1024),
});
/** Input of `cloud.identity.login` (the type of the {@link LoginInput} schema, as callers write it). @public */
export type LoginInput = z.input<typeof LoginInput>;
