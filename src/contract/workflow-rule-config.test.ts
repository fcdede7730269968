import { parseWorkflowRuleConfig } from './workflow-rule-config';

describe('workflow rule configuration', () => {
  it.each([
    ['the saved JSON string', '{"check":"approval","levelId":"risk-owner"}', { check: 'approval', levelId: 'risk-owner' }],
    ['an already parsed object', { check: 'submit' }, { check: 'submit' }],
    ['malformed JSON', '{"check":', null],
    ['an approval without its level', { check: 'approval' }, null],
    ['an unknown check', { check: 'anything' }, null],
    ['nothing saved yet', undefined, null],
  ])('reads %s', (_what, saved, expected) => {
    expect(parseWorkflowRuleConfig(saved)).toEqual(expected);
  });
});
