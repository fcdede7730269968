import { parseCookies, startHttpServer } from './http-server';

describe("the sandbox's web server", () => {
  it.each([
    ['sandbox-user=acc-sam; sandbox-theme=dark', [['sandbox-user', 'acc-sam'], ['sandbox-theme', 'dark']]],
    ['a=1;b=x%3Dy', [['a', '1'], ['b', 'x=y']]],
    ['garbage; =nameless; c=', [['c', '']]],
    [undefined, []],
  ])('reads the cookies of %j', (header, cookies) => {
    expect([...parseCookies(header)]).toEqual(cookies);
  });

  it('answers on the loopback interface, and turns a crash into a 500 that says what broke', async () => {
    const errors: unknown[] = [];
    const server = await startHttpServer(
      (request) =>
        request.url.pathname === '/crash'
          ? Promise.reject(new Error('the resolver threw'))
          : Promise.resolve({ status: 200, headers: { 'content-type': 'text/plain' }, body: `${request.method} ${request.body}` }),
      { port: 0, onError: (error) => errors.push(error) },
    );
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      await expect((await fetch(`${server.url}/echo`, { method: 'POST', body: 'hello' })).text()).resolves.toBe('POST hello');
      const crashed = await fetch(`${server.url}/crash`);
      expect(crashed.status).toBe(500);
      await expect(crashed.text()).resolves.toBe('The sandbox failed to answer: Error: the resolver threw');
      expect(errors).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
