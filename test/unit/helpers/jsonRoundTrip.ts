// What VS Code's globalState (or any JSON store) hands back: a JSON copy of a JSON-safe value, same type.
export function jsonRoundTrip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
