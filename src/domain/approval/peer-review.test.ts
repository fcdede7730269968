import { DEFAULT_POLICY } from '../policy/default-policy';
import { ACTORS, anActor, anException } from '../testing/builders';
import { evaluatePeerReview } from './peer-review';

describe('evaluatePeerReview', () => {
  const exception = anException({ status: 'submitted' });

  it('accepts an independent member of the peer review group', () => {
    expect(evaluatePeerReview(exception, ACTORS.architect, DEFAULT_POLICY)).toEqual({ ok: true, value: { reviewer: 'acc-architect' } });
  });

  it.each([
    ['the requester, even inside the group', anActor('acc-requester', ['security-architects']), 'APPROVAL.PEER_REVIEWER_IS_REQUESTER', 'independent of the requester'],
    ['someone outside the group', ACTORS.securityLead, 'APPROVAL.NOT_IN_PEER_REVIEW_GROUP', '"security-architects"'],
  ])('refuses %s', (_label, actor, code, mention) => {
    const result = evaluatePeerReview(exception, actor, DEFAULT_POLICY);
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.message).toContain(mention);
  });
});
