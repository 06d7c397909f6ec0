import { z } from 'zod';

/**
 * Input of `cloud.identity.login`: a user name and password, checked locally or, with `directory`, by
 * that external directory (its authenticator's name). Never logged.
 * @public
 */
export const LoginInput = z.strictObject({
  username: z.string().min(1).max(255),
  password: z.string().min(1).max(1024),
  directory: z.string().min(1).max(63).optional(),
});
/** Input of `cloud.identity.login` (the type of the {@link LoginInput} schema, as callers write it). @public */
export type LoginInput = z.input<typeof LoginInput>;
