import fc from 'fast-check';
import { chooseHomeIssueType } from './home-issue-type';
import type { IssueTypeItem } from './provisioning-gateway';

const type = (id: string, name: string, hierarchyLevel: number | undefined): IssueTypeItem => ({ id, name, hierarchyLevel });

const EXCEPTION = type('10050', 'Security Exception', 0);
const TASK = type('10001', 'Task', 0);
const BUG = type('10002', 'Bug', 0);
const EPIC = type('10000', 'Epic', 1);
const SUBTASK = type('10003', 'Subtask', -1);

describe('chooseHomeIssueType', () => {
  it.each<[string, IssueTypeItem[], IssueTypeItem | undefined]>([
    ['prefers Task wherever it is listed', [EPIC, BUG, EXCEPTION, TASK], TASK],
    ['matches Task whatever its case', [BUG, type('10009', 'task', 0)], type('10009', 'task', 0)],
    ['takes the first other standard type when there is no Task', [EPIC, EXCEPTION, BUG, type('10004', 'Story', 0)], BUG],
    ['never takes the Security Exception type, whatever its case', [type('10050', 'security exception', 0)], undefined],
    ['never takes an epic or a sub-task', [EPIC, SUBTASK, EXCEPTION], undefined],
    ['never takes a type whose level Jira did not say', [type('10007', 'Task', undefined)], undefined],
    ['finds none among no types', [], undefined],
  ])('%s', (_case, types, expected) => {
    expect(chooseHomeIssueType(types)).toEqual(expected);
  });

  it('picks a standard type other than the exception type from any list, or none when the list has none', () => {
    const anyType = fc.record({
      id: fc.stringMatching(/^\d{5}$/),
      name: fc.constantFrom('Task', 'Bug', 'Story', 'Epic', 'Subtask', 'Security Exception'),
      hierarchyLevel: fc.option(fc.integer({ min: -1, max: 2 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(anyType, { maxLength: 8 }), (types) => {
        const chosen = chooseHomeIssueType(types);
        const usable: IssueTypeItem[] = types.filter((candidate) => candidate.hierarchyLevel === 0 && candidate.name !== 'Security Exception');
        if (usable.length === 0) return chosen === undefined;
        return chosen !== undefined && usable.includes(chosen) && (chosen.name === 'Task' || !usable.some((candidate) => candidate.name === 'Task'));
      }),
    );
  });
});
