import { createFrameRegistry, type Frame } from './frames';

const fields: Omit<Frame, 'id'> = {
  page: 'register',
  accountId: 'acc-sam',
  moduleKey: 'exception-register',
  colorMode: 'light',
  extension: { type: 'jira:projectPage' },
  location: { pathname: '/', search: '' },
  returnTo: '/projects/SEC/register',
};

describe('the frames the host has opened', () => {
  it('gives each frame an id of its own and answers for it with what the host recorded', () => {
    const frames = createFrameRegistry();
    const first = frames.open(fields);
    const second = frames.open({ ...fields, accountId: 'acc-aude' });
    expect(first.id).not.toBe(second.id);
    expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(frames.get(second.id)).toEqual({ ...fields, accountId: 'acc-aude', id: second.id });
  });

  it('forgets the oldest frames first once it holds as many as it keeps', () => {
    const frames = createFrameRegistry(2);
    const [oldest, middle, newest] = [frames.open(fields), frames.open(fields), frames.open(fields)];
    expect(frames.get(oldest.id)).toBeUndefined();
    expect(frames.get(middle.id)).toBeDefined();
    expect(frames.get(newest.id)).toBeDefined();
  });
});
