import { describe, expect, it } from 'vitest';
import { load } from '../../src/messages.js';

// A value quoted in a message (messages.ts's q) is shortened past 300 characters: a 400 KB `url` filled the terminal.
describe('values quoted in messages', () => {
  it('quotes a value of 300 characters whole', () => {
    const value = 'a'.repeat(300);
    expect(load.notFinite(value, 'x')).toContain(JSON.stringify(value));
  });

  it('shows a longer one by its first 200 characters and its length', () => {
    const value = 'b'.repeat(200) + 'z'.repeat(400_000);
    const text = load.notFinite(value, 'x');
    expect(text).toContain(`"${'b'.repeat(200)}…" (400,200 characters)`);
    expect(text).not.toContain('z');
    expect(text.length).toBeLessThan(600);
  });

  it('does not cut a character written with two UTF-16 units in half', () => {
    const value = 'd'.repeat(199) + '😀' + 'e'.repeat(200);
    expect(load.notFinite(value, 'x')).toContain(`"${'d'.repeat(199)}…" (401 characters)`);
  });
});
