// A POST to an emulator's control API (/_emulator/…) over HTTPS, trusting exactly its certificate and
// sending its control token; the parsed answer, or an error naming the route and status. Shared by the
// unit harness (an emulator in-process) and the e2e helpers (the extension's emulator).
import * as https from 'node:https';

export function postToControl(base: string, ca: string, token: string, pathname: string, body: unknown): Promise<unknown> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request(
      new URL(pathname, base),
      {
        method: 'POST',
        ca,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), 'x-emulator-token': token },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          if ((res.statusCode ?? 500) >= 300) reject(new Error(`${pathname} answered ${res.statusCode}: ${text}`));
          else resolve(text ? (JSON.parse(text) as unknown) : undefined);
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}
