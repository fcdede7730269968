import { jiraErrorMessage } from './jira-rest';

describe("Jira's refusal as one sentence for the person", () => {
  it.each([
    [{ errorMessages: ['You do not have permission to transition this issue.'], errors: {} }, 'You do not have permission to transition this issue.'],
    [{ errorMessages: [], errors: { summary: 'You must specify a summary of the issue.' } }, 'summary: You must specify a summary of the issue.'],
    [{ errorMessages: ['Field errors.'], errors: { customfield_1: 'Not a valid date.' } }, 'Field errors. customfield_1: Not a valid date.'],
    [undefined, 'Jira answered 503.'],
    [{ errorMessages: [42] }, 'Jira answered 503.'],
  ])('%j reads "%s"', (body, message) => {
    expect(jiraErrorMessage(503, body)).toBe(message);
  });
});
