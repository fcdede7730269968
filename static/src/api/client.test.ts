import { describe, expect, it, vi } from 'vitest';
import { ERROR_CODES } from '@contract';
import { SAMPLES } from '@contract/testing/samples';
import { createApiClient } from './client';

describe('the resolver client', () => {
  it('sends the parsed request and returns a valid answer', async () => {
    const transport = vi.fn(() => Promise.resolve({ ok: true, data: SAMPLES['register/list'].response }));
    const answer = await createApiClient(transport).call('register/list', {});
    expect(transport).toHaveBeenCalledWith('register/list', { filter: {}, sort: { field: 'expiresOn', direction: 'asc' }, pageSize: 25 });
    expect(answer).toEqual({ ok: true, data: SAMPLES['register/list'].response });
  });

  it('refuses an invalid request with field errors, without calling the resolver', async () => {
    const transport = vi.fn();
    const answer = await createApiClient(transport).call('reviews/attest', { issueKey: 'SEC-1', quarter: '2026-Q4', stillValid: false, stillNecessary: true, controlsInPlace: true });
    expect(transport).not.toHaveBeenCalled();
    expect(answer).toMatchObject({ ok: false, error: { code: ERROR_CODES.invalidRequest, fieldErrors: [{ path: 'note' }] } });
  });

  it('turns an answer outside the contract into INVALID_RESPONSE', async () => {
    const answer = await createApiClient(() => Promise.resolve({ ok: true, data: { rows: 'nope' } })).call('register/list', {});
    expect(answer).toMatchObject({ ok: false, error: { code: ERROR_CODES.invalidResponse } });
  });

  it('passes a resolver refusal through unchanged', async () => {
    const refusal = { ok: false, error: { code: 'AUTH.FORBIDDEN', message: 'Only members of security-leads may attest reviews.' } };
    expect(await createApiClient(() => Promise.resolve(refusal)).call('session/me', {})).toEqual(refusal);
  });

  it('turns a bridge failure into BRIDGE.FAILED with the reason', async () => {
    const answer = await createApiClient(() => Promise.reject(new Error('Resolver calls are rate limited'))).call('session/me', {});
    expect(answer).toMatchObject({ ok: false, error: { code: ERROR_CODES.bridgeFailed, message: expect.stringContaining('rate limited') as string } });
  });
});
