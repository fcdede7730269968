// Sums jest --json reports into the one plain line CI reads: `tests: N passed, N failed`.
// A missing or unreadable report counts as a failure: a suite that did not report did not pass.
import { readFileSync, existsSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    process.stderr.write(`ci-summary: ${file} is missing (the suite did not run to completion)\n`);
    failed += 1;
    continue;
  }
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    // Suites that crash before running (syntax errors, setup failures) report no failed tests.
    failed += report.numRuntimeErrorTestSuites ?? 0;
  } catch (error) {
    process.stderr.write(`ci-summary: ${file} is not a jest JSON report: ${error.message}\n`);
    failed += 1;
  }
}
process.stdout.write(`tests: ${passed} passed, ${failed} failed\n`);
