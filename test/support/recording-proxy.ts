import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingProxy {
  url: string;
  /** The Authorization header of every request that passed, in order. */
  authorizations: string[];
  close(): Promise<void>;
}

/** A loopback HTTP proxy in front of `target` (the emulator) that notes each request's signature. */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const authorizations: string[] = [];
  const to = new URL(target);
  const server = createServer((req, res) => {
    authorizations.push(req.headers.authorization ?? '');
    const upstream = request(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    authorizations,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The region of a SigV4 Authorization header's credential scope (`Credential=AKID/date/REGION/service/aws4_request`). */
export const signedRegion = (authorization: string): string | undefined =>
  /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(authorization)?.[1];
