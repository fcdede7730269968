import { describe, expect, it } from 'vitest';
import { samplePolicy } from '@contract/testing/samples';
import { applyTexts, placeErrors, policySections, textsOf } from './policy-form';

const fields = policySections(samplePolicy).flatMap((s) => s.fields);

describe('the policy form', () => {
  it('gives back the same policy when nothing was edited', () => {
    expect(applyTexts(samplePolicy, fields, textsOf(samplePolicy, fields))).toEqual({ ok: true, policy: samplePolicy });
  });

  it('writes edited numbers and lists at their paths', () => {
    const texts = { ...textsOf(samplePolicy, fields), 'tiers.high.maxDurationDays': ' 60 ', 'tiers.high.reminderDays': '14,7 , 1', 'risk.thresholds.high': '6.5' };
    const applied = applyTexts(samplePolicy, fields, texts);
    if (!applied.ok) throw new Error('expected the edits to apply');
    expect(applied.policy.tiers.high).toMatchObject({ maxDurationDays: 60, reminderDays: [14, 7, 1] });
    expect(applied.policy.risk.thresholds.high).toBe(6.5);
    expect(samplePolicy.tiers.high.maxDurationDays).toBe(90);
  });

  it.each([
    ['tiers.low.maxDurationDays', 'ninety', 'Enter a whole number.'],
    ['tiers.low.reminderDays', '30, soon', 'Enter whole numbers separated by commas.'],
    ['risk.thresholds.medium', '4,5', 'Enter a number such as 7 or 6.5.'],
  ])('refuses %s = %j before asking the server', (path, text, message) => {
    expect(applyTexts(samplePolicy, fields, { ...textsOf(samplePolicy, fields), [path]: text })).toEqual({ ok: false, errors: [{ path, message }] });
  });

  it('places each server error at the closest field and keeps the others', () => {
    const { placed, unplaced } = placeErrors(
      [
        { path: 'tiers.high.levels.1', message: 'unknown approval level "x"' },
        { path: 'tiers.high.maxDurationDays', message: 'must be at least 1' },
        { path: 'approvalTimeouts', message: 'must satisfy remindAfterDays < escalateAfterDays' },
      ],
      fields.map((f) => f.path),
    );
    expect(Object.fromEntries(placed)).toEqual({
      'tiers.high.levels': 'unknown approval level "x"',
      'tiers.high.maxDurationDays': 'must be at least 1',
    });
    expect(unplaced).toEqual([{ path: 'approvalTimeouts', message: 'must satisfy remindAfterDays < escalateAfterDays' }]);
  });
});
