// Scripted answers per route for LRO tests: each "METHOD /path" gets a list of responses served in
// order (the last one repeats). Paths are matched without the query string.
import type { ServerResponse } from 'node:http';
import type { RecordedRequest, TestHandler } from './httpsTestServer';

export interface ScriptedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Script = Record<string, Array<ScriptedResponse | ((req: RecordedRequest) => ScriptedResponse)>>;

export function scripted(script: Script): TestHandler {
  const served = new Map<string, number>();
  return (req: RecordedRequest, res: ServerResponse) => {
    const key = `${req.method} ${req.url.split('?')[0]}`;
    const answers = script[key];
    if (!answers) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'NoRoute', message: key } }));
      return;
    }
    const n = served.get(key) ?? 0;
    served.set(key, n + 1);
    const entry = answers[Math.min(n, answers.length - 1)];
    const answer = typeof entry === 'function' ? entry(req) : entry;
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  };
}
