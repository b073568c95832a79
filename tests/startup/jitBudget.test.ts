import { beforeEach, describe, expect, it, vi } from 'vitest';

// Issue 15: the command line raises V8's interrupt budget before any command runs, unless Node was given its own.
const set = vi.hoisted(() => ({ flags: [] as string[] }));
vi.mock('node:v8', async (original) => {
  const v8 = await original<typeof import('node:v8')>();
  const setFlagsFromString = (flags: string) => void set.flags.push(flags);
  return { ...v8, default: { ...v8, setFlagsFromString }, setFlagsFromString };
});
const { INTERRUPT_BUDGET, raiseInterruptBudget } = await import('../../src/startup/jitBudget.js');

describe('raiseInterruptBudget', () => {
  beforeEach(() => void (set.flags.length = 0));

  it('sets 8× V8 11\'s default budget', () => {
    raiseInterruptBudget([]);
    expect(set.flags).toEqual([`--interrupt-budget=${8 * 67_584}`]);
    expect(INTERRUPT_BUDGET).toBe(540_672);
  });

  it('leaves a budget given to Node alone, in either spelling', () => {
    raiseInterruptBudget(['--interrupt-budget=1000']);
    raiseInterruptBudget(['--max-old-space-size=100', '--interrupt_budget', '2000']);
    expect(set.flags).toEqual([]);
  });

  it('is not fooled by a longer flag of the same stem', () => {
    raiseInterruptBudget(['--interrupt-budget-for-feedback-allocation=940']);
    expect(set.flags).toHaveLength(1);
  });
});
