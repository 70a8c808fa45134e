import { decideDisclosure } from './anonymity';

const ids = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/**
 * A department with teams, each with `sizes[team]` respondents, plus
 * `direct` respondents who are direct members of the department only.
 */
function org(sizes: Record<string, number>, direct = 0) {
  const teams = Object.keys(sizes);
  const respondents = new Map<string | null, Set<string>>();
  const all = new Set<string>(ids('direct-', direct));
  for (const t of teams) {
    const people = ids(`${t}-`, sizes[t]);
    respondents.set(t, new Set(people));
    people.forEach(p => all.add(p));
  }
  respondents.set('dept', new Set(all));
  respondents.set(null, new Set(all));
  const childrenOf = new Map<string | null, string[]>([
    [null, ['dept']],
    ['dept', teams],
    ...teams.map(t => [t, []] as [string, string[]]),
  ]);
  return { respondents, childrenOf };
}

describe('decideDisclosure', () => {
  it('shows every group at or above the threshold', () => {
    const d = decideDisclosure({ ...org({ a: 5, b: 6 }), threshold: 5 });
    expect(d.get('a')).toEqual({ shown: true });
    expect(d.get('b')).toEqual({ shown: true });
    expect(d.get('dept')).toEqual({ shown: true });
    expect(d.get(null)).toEqual({ shown: true });
  });

  it('withholds a group below the threshold', () => {
    const d = decideDisclosure({ ...org({ a: 4, b: 0 }), threshold: 5 });
    expect(d.get('a')).toEqual({
      shown: false,
      reason: 'not-enough-responses',
    });
    expect(d.get('b')).toEqual({
      shown: false,
      reason: 'not-enough-responses',
    });
    expect(d.get('dept')).toEqual({
      shown: false,
      reason: 'not-enough-responses',
    });
  });

  it('withholds one more team when the department minus the shown teams leaves a small team', () => {
    // dept 16 - a 6 - b 7 = c's 3 answers: subtracting would reveal team c.
    const d = decideDisclosure({ ...org({ a: 6, b: 7, c: 3 }), threshold: 5 });
    expect(d.get('c')).toEqual({
      shown: false,
      reason: 'not-enough-responses',
    });
    // The smallest shown team goes too, so the remainder (a + c = 9) is large.
    expect(d.get('a')).toEqual({ shown: false, reason: 'could-be-derived' });
    expect(d.get('b')).toEqual({ shown: true });
    expect(d.get('dept')).toEqual({ shown: true });
  });

  it('protects direct members of the department the same way', () => {
    // The director answered alone: dept - a - b would be their answer.
    const d = decideDisclosure({ ...org({ a: 6, b: 8 }, 1), threshold: 5 });
    expect(d.get('a')).toEqual({ shown: false, reason: 'could-be-derived' });
    expect(d.get('b')).toEqual({ shown: true });
    expect(d.get('dept')).toEqual({ shown: true });
  });

  it('needs nothing more when the hidden part is already large enough', () => {
    // c (4) + direct (2) = 6 hidden people: nothing derivable about fewer than 5.
    const d = decideDisclosure({
      ...org({ a: 6, b: 7, c: 4 }, 2),
      threshold: 5,
    });
    expect(d.get('a')).toEqual({ shown: true });
    expect(d.get('b')).toEqual({ shown: true });
    expect(d.get('c')).toEqual({
      shown: false,
      reason: 'not-enough-responses',
    });
  });

  it('applies the same rule one level up: the organisation minus a department', () => {
    // dept1 has 4 respondents (withheld); the organisation (16) and dept2 (12)
    // would both be shown, and their difference is dept1's four answers.
    const respondents = new Map<string | null, Set<string>>([
      ['a', new Set(ids('a', 2))],
      ['b', new Set(ids('b', 2))],
      ['dept1', new Set([...ids('a', 2), ...ids('b', 2)])],
      ['dept2', new Set(ids('d', 12))],
      [null, new Set([...ids('a', 2), ...ids('b', 2), ...ids('d', 12)])],
    ]);
    const childrenOf = new Map<string | null, string[]>([
      [null, ['dept1', 'dept2']],
      ['dept1', ['a', 'b']],
      ['dept2', []],
      ['a', []],
      ['b', []],
    ]);
    const d = decideDisclosure({ respondents, childrenOf, threshold: 5 });
    expect(d.get('dept1')?.shown).toBe(false);
    // The organisation minus dept2 would be dept1's four answers.
    expect(d.get('dept2')).toEqual({
      shown: false,
      reason: 'could-be-derived',
    });
    expect(d.get(null)).toEqual({ shown: true });
  });

  it('counts a person in two teams once when checking the remainder', () => {
    const respondents = new Map<string | null, Set<string>>([
      ['a', new Set(ids('p', 6))],
      ['b', new Set([...ids('p', 3), ...ids('q', 3)])],
      ['dept', new Set([...ids('p', 6), ...ids('q', 3)])],
      [null, new Set([...ids('p', 6), ...ids('q', 3)])],
    ]);
    const childrenOf = new Map<string | null, string[]>([
      [null, ['dept']],
      ['dept', ['a', 'b']],
      ['a', []],
      ['b', []],
    ]);
    const d = decideDisclosure({ respondents, childrenOf, threshold: 5 });
    expect([...d.values()].every(x => x.shown)).toBe(true);
  });
});
