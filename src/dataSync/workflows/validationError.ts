// What a workflow throws when its input breaks a Data Sync rule: every problem, each tied to the input
// field it is about, so a quick-input command can show the messages and the wizard can put each one
// next to its field. Nothing has been sent to Azure when this is thrown.
import type { Check } from '../syncRules';

export interface FieldProblem {
  /** The workflow input's property name, e.g. "name" or "syncDirection". */
  field: string;
  message: string;
}

export class DataSyncValidationError extends Error {
  override readonly name = 'DataSyncValidationError';

  constructor(readonly problems: readonly FieldProblem[]) {
    super(problems.map((p) => p.message).join(' '));
  }

  /** field → its first message. */
  get fields(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const p of this.problems) out[p.field] ??= p.message;
    return out;
  }

  get messages(): string[] {
    return this.problems.map((p) => p.message);
  }
}

/** The failed checks, in order (a field's later checks are kept too; `fields` shows the first). */
export function problemsOf(checks: ReadonlyArray<readonly [string, Check]>): FieldProblem[] {
  return checks.filter((c): c is readonly [string, string] => Boolean(c[1])).map(([field, message]) => ({ field, message }));
}

export function throwIfInvalid(problems: readonly FieldProblem[]): void {
  if (problems.length) throw new DataSyncValidationError(problems);
}

export const isDataSyncValidationError = (e: unknown): e is DataSyncValidationError => e instanceof DataSyncValidationError;
