import fc from 'fast-check';
import { parseWorkflowRuleConfig, RULE_CHECKS } from './workflow-rule-config';

describe('workflow rule configuration', () => {
  it.each([
    ['the saved JSON string', '{"check":"approval","levelId":"risk-owner"}', { check: 'approval', levelId: 'risk-owner' }],
    ['an already parsed object', { check: 'submit' }, { check: 'submit' }],
    ['malformed JSON', '{"check":', null],
    ['a saved revocation check', '{"check":"revocation"}', { check: 'revocation' }],
    ['a saved remediation check', { check: 'remediation' }, { check: 'remediation' }],
    ['an approval without its level', { check: 'approval' }, null],
    ['an unknown check', { check: 'anything' }, null],
    ['nothing saved yet', undefined, null],
  ])('reads %s', (_what, saved, expected) => {
    expect(parseWorkflowRuleConfig(saved)).toEqual(expected);
  });

  it('reads back every check other than an approval, saved as JSON text or as an object', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RULE_CHECKS.filter((check) => check !== 'approval')), fc.boolean(), (check, asString) => {
        const saved = asString ? JSON.stringify({ check }) : { check };
        expect(parseWorkflowRuleConfig(saved)).toEqual({ check });
      }),
    );
  });

  it('refuses any other check name', () => {
    fc.assert(
      fc.property(
        fc.string().filter((name) => !(RULE_CHECKS as readonly string[]).includes(name)),
        (check) => {
          expect(parseWorkflowRuleConfig({ check })).toBeNull();
        },
      ),
    );
  });
});
