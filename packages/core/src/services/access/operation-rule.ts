import type { KnownPermission } from '../../identity/permission-catalog.js';

/**
 * What a public operation requires, declared next to it (R-SEC-1): the permission it checks, the
 * permissions it chooses between by its input (a principal's kind, say), or — for the few that run
 * before anyone is known, like login, or that only answer about the caller itself — why it needs none. The permission matrix test reads these
 * declarations and walks the cloud's surface, so an operation without one fails it.
 * @internal
 */
export type OperationRule = KnownPermission | readonly KnownPermission[] | { readonly open: string };

/** The rules of one service, one per operation; `satisfies` makes a missing one a type error. @internal */
export type OperationTable<S> = { readonly [K in keyof S]: OperationRule };

/** The rules of a whole surface, nested as its services are: a rule per operation, a tree per service. @internal */
export type OperationTree<S> = {
  readonly [K in keyof S]: S[K] extends (...args: never[]) => unknown ? OperationRule : OperationTree<S[K]>;
};
