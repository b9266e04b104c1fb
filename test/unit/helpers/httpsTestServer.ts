// A real HTTPS server on 127.0.0.1 (port 0) with a throw-away self-signed certificate, for unit
// tests of the REST core. Clients trust it exactly through `agent` (an https.Agent with `ca`), never by
// switching TLS checks off. Each test registers a handler; every request is recorded so tests can
// assert on what was sent (headers, bodies, counts, timing).
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { generateTestCertificate, type TestCertificate } from './testCertificate';

export interface RecordedRequest {
  method: string;
  /** Path and query as received, e.g. `/subscriptions?api-version=2022-12-01`. */
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  receivedAt: number;
}

export type TestHandler = (req: RecordedRequest, res: ServerResponse) => void | Promise<void>;

export interface HttpsTestServer {
  /** `https://127.0.0.1:<port>` */
  readonly origin: string;
  readonly certificate: TestCertificate;
  /** Trusts exactly this server's certificate. */
  readonly agent: https.Agent;
  readonly requests: RecordedRequest[];
  /** Replaces the handler and clears the recorded requests. */
  handle(handler: TestHandler): void;
  close(): Promise<void>;
}

export async function startHttpsTestServer(): Promise<HttpsTestServer> {
  const certificate = await generateTestCertificate();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let handler: TestHandler = (_req, res) => {
    res.statusCode = 404;
    res.end();
  };

  const server = https.createServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        receivedAt: Date.now(),
      };
      requests.push(recorded);
      Promise.resolve(handler(recorded, res)).catch((err: unknown) => {
        res.statusCode = 599;
        res.end(String(err));
      });
    });
  });
  server.on('secureConnection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new https.Agent({ ca: certificate.cert, keepAlive: false });

  return {
    origin: `https://127.0.0.1:${port}`,
    certificate,
    agent,
    requests,
    handle(h) {
      handler = h;
      requests.length = 0;
    },
    async close() {
      agent.destroy();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Writes a JSON response. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

/** Drops the connection without an HTTP answer, so the client sees ECONNRESET. */
export function resetConnection(res: ServerResponse): void {
  res.socket?.destroy();
}
