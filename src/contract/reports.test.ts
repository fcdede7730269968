import { REPORT_SECTION_LIMIT, reportsGetResponseSchema, reportsListRequestSchema, reportSectionSchema } from './reports';
import { SAMPLES } from './testing/samples';

const item = SAMPLES['reports/get'].response.sections.overdueReviews.items[0];
const itemsOf = (n: number) => Array.from({ length: n }, () => item);

describe('a monthly report section', () => {
  it.each([
    [0, 0, true],
    [3, 1, true],
    [1, 1, true],
    [1, 2, false],
    [250, REPORT_SECTION_LIMIT, true],
    [250, REPORT_SECTION_LIMIT + 1, false],
  ])('counting %i and listing %i is accepted: %s', (count, listed, accepted) => {
    expect(reportSectionSchema.safeParse({ count, items: itemsOf(listed) }).success).toBe(accepted);
  });

  it('says where a report lists more exceptions than it counts', () => {
    const report = SAMPLES['reports/get'].response;
    const parsed = reportsGetResponseSchema.safeParse({ ...report, sections: { ...report.sections, lackingControls: { count: 0, items: [item] } } });
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'))).toEqual(['sections.lackingControls']);
  });
});

describe('the reports list request', () => {
  it.each([
    [{}, 12],
    [{ pageSize: 24 }, 24],
  ])('%j asks for %i months', (request, pageSize) => {
    expect(reportsListRequestSchema.parse(request).pageSize).toBe(pageSize);
  });

  it('refuses more months than a page holds', () => {
    expect(reportsListRequestSchema.safeParse({ pageSize: 25 }).success).toBe(false);
  });
});
