// Typed views of the JSON bodies tests read from raw emulator answers (CallResult.body is untyped JSON).
import type { CallResult } from './helpers';

export interface ResourceBody {
  id: string;
  name: string;
  properties: Record<string, unknown>;
}
export interface OperationStatusBody {
  status: string;
  startTime: string;
  endTime?: string;
  error?: { code: string; message: string };
}
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown[] };
}
export interface ListBody<T = ResourceBody> {
  value: T[];
}

/** The answer's body as the given shape (tests assert on it, so a wrong guess fails there). */
export const bodyOf = <T>(r: CallResult): T => r.body as T;
