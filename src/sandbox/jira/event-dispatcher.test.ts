import { createEventDispatcher, type ForgeEvent, type InvocationScope } from './event-dispatcher';

const event = (n: number, selfGenerated = false): ForgeEvent => ({ eventType: 'avi:jira:updated:issue', selfGenerated, n });

const setup = () => {
  const scopes: (string | null)[] = [];
  const scope: InvocationScope = (accountId, fn) => {
    scopes.push(accountId);
    return fn();
  };
  const dispatcher = createEventDispatcher({ context: { installContext: 'ari:cloud:jira::site/c1' }, scope: () => scope });
  const received: number[] = [];
  dispatcher.register({ key: 'projection', events: ['avi:jira:updated:issue'], handler: (e) => void received.push(e.n as number) });
  return { dispatcher, received, scopes };
};

describe('event delivery to triggers', () => {
  it('delivers after the emitting code has moved on, never synchronously', async () => {
    const { dispatcher, received } = setup();
    dispatcher.emit(event(1));
    expect(received).toEqual([]);
    await dispatcher.settle();
    expect(received).toEqual([1]);
  });

  it('invokes each handler as a fresh invocation with no acting user', async () => {
    const { dispatcher, scopes } = setup();
    dispatcher.emit(event(1));
    await dispatcher.settle();
    expect(scopes).toEqual([null]);
  });

  it.each([
    [{ duplicate: false, outOfOrder: false }, [1, 2, 3]],
    [{ duplicate: true, outOfOrder: false }, [1, 2, 3, 1, 2, 3]],
    [{ duplicate: false, outOfOrder: true }, [3, 2, 1]],
    [{ duplicate: true, outOfOrder: true }, [3, 2, 1, 3, 2, 1]],
  ])('with switches %j a batch of three arrives as %j', async (switches, expected) => {
    const { dispatcher, received } = setup();
    dispatcher.configure(switches);
    [1, 2, 3].forEach((n) => dispatcher.emit(event(n)));
    await dispatcher.settle();
    expect(received).toEqual(expected);
  });

  it('holds events while paused until they are delivered on purpose', async () => {
    const { dispatcher, received } = setup();
    dispatcher.configure({ paused: true, outOfOrder: true });
    dispatcher.emit(event(1));
    dispatcher.emit(event(2));
    await dispatcher.settle();
    expect(received).toEqual([]);
    expect(dispatcher.pendingCount()).toBe(2);
    await dispatcher.deliverPending();
    expect(received).toEqual([2, 1]);
  });

  it('keeps events the app caused from triggers declared with ignoreSelf', async () => {
    const { dispatcher, received } = setup();
    const selfAware: number[] = [];
    dispatcher.register({ key: 'ignore-self', events: ['avi:jira:updated:issue'], ignoreSelf: true, handler: (e) => void selfAware.push(e.n as number) });
    dispatcher.emit(event(1, true));
    dispatcher.emit(event(2, false));
    await dispatcher.settle();
    expect(received).toEqual([1, 2]);
    expect(selfAware).toEqual([2]);
  });

  it('records a failing handler without failing the others', async () => {
    const { dispatcher, received } = setup();
    dispatcher.register({
      key: 'broken',
      events: ['avi:jira:updated:issue'],
      handler: () => {
        throw new Error('boom');
      },
    });
    dispatcher.emit(event(1));
    await dispatcher.settle();
    expect(received).toEqual([1]);
    expect(dispatcher.deliveries().map((record) => [record.triggerKey, record.outcome])).toEqual([
      ['projection', 'delivered'],
      ['broken', 'failed'],
    ]);
  });

  it('gives each handler its own copy of the event', async () => {
    const { dispatcher } = setup();
    const copies: ForgeEvent[] = [];
    dispatcher.register({ key: 'a', events: ['avi:jira:updated:issue'], handler: (e) => void copies.push(e) });
    dispatcher.register({ key: 'b', events: ['avi:jira:updated:issue'], handler: (e) => void copies.push(e) });
    dispatcher.emit(event(1));
    await dispatcher.settle();
    expect(copies[0]).toEqual(copies[1]);
    expect(copies[0]).not.toBe(copies[1]);
  });
});
