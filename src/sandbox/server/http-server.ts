import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HostRequest, HostResponse } from '../host/host-kit';

/**
 * The sandbox's web server on the loopback interface: hands every request to the host page and turns a crash into a
 * 500 that says what broke, so a failing resolver or a missing build shows in the browser, not only in the terminal.
 */

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export type RunningServer = { readonly url: string; readonly port: number; close(): Promise<void> };

export const parseCookies = (header: string | undefined): ReadonlyMap<string, string> =>
  new Map(
    (header ?? '')
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part.indexOf('=') > 0)
      .map((part) => {
        const at = part.indexOf('=');
        return [part.slice(0, at), decodeURIComponent(part.slice(at + 1))] as const;
      }),
  );

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`request body over ${MAX_BODY_BYTES} bytes`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

export const startHttpServer = (
  handle: (request: HostRequest) => Promise<HostResponse>,
  options: { readonly port: number; readonly onError: (error: unknown) => void },
): Promise<RunningServer> => {
  const server: Server = createServer((request, response) => {
    void (async () => {
      try {
        const url = new URL(request.url ?? '/', 'http://127.0.0.1');
        const answer = await handle({
          method: request.method ?? 'GET',
          url,
          cookies: parseCookies(request.headers.cookie),
          body: request.method === 'GET' || request.method === 'HEAD' ? '' : await readBody(request),
        });
        response.writeHead(answer.status, answer.headers);
        response.end(answer.body);
      } catch (error) {
        options.onError(error);
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(`The sandbox failed to answer: ${describe(error)}`);
      }
    })();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        close: () =>
          new Promise<void>((done, failed) => {
            server.closeAllConnections();
            server.close((error) => (error === undefined ? done() : failed(error)));
          }),
      });
    });
  });
};
