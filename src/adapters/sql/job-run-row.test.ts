import fc from 'fast-check';
import type { JobRun } from '../../app/ports/job-run-repository';
import { StorageError } from '../../app/ports/storage-error';
import { jobRunOf, jobRunRowOf } from './job-run-row';
import { asDriverRow, driverShapes, instants, texts } from './testing/driver-shapes';

const runs: fc.Arbitrary<JobRun> = fc.record(
  {
    job: fc.stringMatching(/^[a-z][a-z-]{0,20}$/),
    runKey: texts,
    startedAt: instants,
    finishedAt: instants,
    outcome: fc.constantFrom('succeeded' as const, 'failed' as const),
    checkpoint: texts,
    checkpointVersion: fc.nat(),
    processed: fc.nat(),
    summary: texts,
  },
  { requiredKeys: ['job', 'runKey', 'startedAt', 'checkpointVersion', 'processed'] },
);

describe('job run rows', () => {
  it('read back every run they were written from, in every driver shape', () => {
    fc.assert(
      fc.property(runs, driverShapes, (run, shape) => {
        expect(jobRunOf(asDriverRow(jobRunRowOf(run), ['checkpoint_version', 'processed'], shape))).toEqual(run);
      }),
    );
  });

  it('refuse a row whose count is not an integer', () => {
    const row = jobRunRowOf({ job: 'daily', runKey: 'r', startedAt: '2027-01-01T00:00:00Z', checkpointVersion: 0, processed: 0 });
    expect(() => jobRunOf({ ...row, processed: '12abc' })).toThrow(StorageError);
  });
});
