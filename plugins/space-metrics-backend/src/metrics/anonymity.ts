import { SuppressionReason } from '@internal/plugin-space-metrics-common';

/** A node of the organisation tree; the root (ref null) is everyone. */
export interface TreeNode {
  ref: string | null;
  children: string[];
}

/** Whether a group's figure may be shown, and why not. */
export interface Disclosure {
  shown: boolean;
  reason?: SuppressionReason;
}

/**
 * Decides which groups' figures may be shown without identifying anyone.
 *
 * 1. A group with fewer respondents than `threshold` is not shown
 *    ("not enough responses").
 * 2. A shown group minus its shown sub-groups leaves the people in hidden
 *    sub-groups and the group's direct members. If that remainder has 1 to
 *    threshold−1 people, subtracting the shown figures from the group's figure
 *    would reveal their answers (a department and all but one of its teams).
 *    Then the smallest shown sub-group (the highest ones under the group) is
 *    also withheld ("could be derived"), and the check runs again until no
 *    shown group leaves such a remainder.
 *
 * `respondents` maps a group (null for everyone) to the ids of the people who
 * answered in it or in any group below it. `parentOf` gives each group's parent
 * (null for a top-level group). The result has an entry for every group.
 */
export function decideDisclosure(options: {
  respondents: ReadonlyMap<string | null, ReadonlySet<string>>;
  childrenOf: ReadonlyMap<string | null, readonly string[]>;
  threshold: number;
}): Map<string | null, Disclosure> {
  const { respondents, childrenOf, threshold } = options;
  const size = (ref: string | null) => respondents.get(ref)?.size ?? 0;
  const result = new Map<string | null, Disclosure>();
  for (const ref of respondents.keys()) {
    result.set(
      ref,
      size(ref) >= threshold
        ? { shown: true }
        : { shown: false, reason: 'not-enough-responses' },
    );
  }
  const shown = (ref: string | null) => result.get(ref)?.shown ?? false;

  // The highest shown groups under `ref`: what a reader can subtract from it.
  const topShownBelow = (ref: string | null): string[] => {
    const found: string[] = [];
    const visit = (parent: string | null) => {
      for (const child of childrenOf.get(parent) ?? []) {
        if (shown(child)) found.push(child);
        else visit(child);
      }
    };
    visit(ref);
    return found;
  };

  let changed = true;
  while (changed) {
    changed = false;
    for (const ref of respondents.keys()) {
      if (!shown(ref)) continue;
      const subtractable = topShownBelow(ref);
      const covered = new Set<string>();
      for (const child of subtractable) {
        for (const id of respondents.get(child) ?? []) covered.add(id);
      }
      let remainder = 0;
      for (const id of respondents.get(ref) ?? []) {
        if (!covered.has(id)) remainder++;
      }
      if (remainder > 0 && remainder < threshold) {
        // Withhold the smallest subtractable group; its people join the
        // remainder, which then is at least `threshold` or is checked again.
        const victim = [...subtractable].sort(
          (a, b) => size(a) - size(b) || a.localeCompare(b),
        )[0];
        result.set(victim ?? ref, {
          shown: false,
          reason: 'could-be-derived',
        });
        changed = true;
      }
    }
  }
  return result;
}
