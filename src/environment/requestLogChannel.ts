// Writes the REST core's request log (already redacted: no headers, no bodies) to the extension's
// LogOutputChannel, one line per HTTP attempt; failures as warnings.
import type * as vscode from 'vscode';
import { formatLogEntry, type RequestLogEntry, type RequestLogger } from '../azure/http/requestLogger';

export class RequestLogChannel implements RequestLogger {
  constructor(private readonly channel: vscode.LogOutputChannel) {}

  log(entry: RequestLogEntry): void {
    const line = formatLogEntry(entry);
    if (entry.status === undefined || entry.status >= 400 || entry.bodyProblem) this.channel.warn(line);
    else this.channel.info(line);
  }
}
