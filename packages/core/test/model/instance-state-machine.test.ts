import { describe, expect, it } from 'vitest';
import { EcloudError } from '../../src/errors/ecloud-error.js';
import { InstanceOperation, InstanceState } from '../../src/model/instance.js';
import { assertTransition, INSTANCE_TRANSITIONS } from '../../src/model/instance-state-machine.js';

const cases = InstanceOperation.options.flatMap((operation) =>
  InstanceState.options.map((state) => ({
    operation,
    state,
    legal: INSTANCE_TRANSITIONS[operation].from.includes(state),
  })),
);

describe('the instance state machine', () => {
  it.each(cases.filter((c) => !c.legal))(
    'refuses $operation from $state with ILLEGAL_STATE',
    ({ operation, state }) => {
      let thrown: unknown;
      try {
        assertTransition({ id: 'vm-x', state }, operation);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(EcloudError);
      expect(thrown).toMatchObject({ code: 'ILLEGAL_STATE', details: { state, operation } });
    },
  );

  it.each(cases.filter((c) => c.legal))('allows $operation from $state', ({ operation, state }) => {
    const to = assertTransition({ id: 'vm-x', state }, operation);
    const declared = INSTANCE_TRANSITIONS[operation].to;
    expect(to).toBe(declared === 'same' ? state : declared);
  });

  it('lets nothing act on a deleted or creating instance', () => {
    for (const operation of InstanceOperation.options) {
      expect(INSTANCE_TRANSITIONS[operation].from).not.toContain('deleted');
      expect(INSTANCE_TRANSITIONS[operation].from).not.toContain('creating');
    }
  });
});
