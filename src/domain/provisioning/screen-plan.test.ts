import { missingFields, planScreens } from './screen-plan';

describe('planScreens', () => {
  const plan = planScreens({ editable: ['customfield_1', 'customfield_2'], readOnly: ['customfield_9'] });
  const fieldsOf = (kind: string) => plan.find((screen) => screen.kind === kind)?.fieldIds;

  it.each([
    ['create', ['summary', 'issuetype', 'description', 'customfield_1', 'customfield_2']],
    ['edit', ['summary', 'description', 'assignee', 'customfield_1', 'customfield_2', 'customfield_9']],
    ['view', ['summary', 'issuetype', 'description', 'reporter', 'assignee', 'customfield_1', 'customfield_2', 'customfield_9']],
  ])('puts on the %s screen the description (the justification) and the app’s fields', (kind, expected) => {
    expect(fieldsOf(kind)).toEqual(expected);
  });

  it('names each screen after what it is for', () => {
    expect(plan.map((screen) => screen.name)).toEqual([
      'Security Exception Create Screen',
      'Security Exception Edit Screen',
      'Security Exception View Screen',
    ]);
  });

  it('lists a field once even when it is given twice', () => {
    expect(planScreens({ editable: ['description', 'customfield_1'], readOnly: ['customfield_1'] })[1]?.fieldIds).toEqual([
      'summary',
      'description',
      'assignee',
      'customfield_1',
    ]);
  });
});

describe('missingFields', () => {
  it.each([
    [['a', 'b', 'c'], [], ['a', 'b', 'c']],
    [['a', 'b', 'c'], ['b'], ['a', 'c']],
    [['a'], ['a', 'z'], []],
  ])('of %j with %j present is %j', (wanted, present, expected) => {
    expect(missingFields(wanted, present)).toEqual(expected);
  });
});
