import { isLastPage } from './jira-page';

describe('isLastPage', () => {
  it.each([
    ['Jira says so', { values: [1, 2], isLast: true, startAt: 0, total: 10 }, true],
    ['Jira says not', { values: [], isLast: false, startAt: 0 }, false],
    ['the page reaches the total', { values: [1, 2], startAt: 8, total: 10 }, true],
    ['the page stops short of the total', { values: [1, 2], startAt: 0, total: 10 }, false],
    ['a short page without a total', { values: [1], startAt: 0 }, true],
    ['a full page without a total', { values: [1, 2], startAt: 0 }, false],
  ])('%s', (_label, page, expected) => {
    expect(isLastPage(page, 2)).toBe(expected);
  });
});
