// Notifications render `[label](https:…)` and `[label](command:…)` in their message as clickable links,
// and service text (an error message, a resource or item name) is not ours: a co-admin can put a link that
// runs a command there. Every notification built from service text goes through plainNotificationText.
// Free of 'vscode' so it can be unit tested.

/** Longest message a notification shows; the full text stays in "Copy Details" / "Show Details". */
export const NOTIFICATION_MAX = 600;

// eslint-disable-next-line no-control-regex -- terminal escapes and other control characters are what is removed
const CONTROL = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Direction overrides and isolates, which can make text read differently from what it is. */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g;

/** Text shown as is: link syntax broken up (a zero-width space between `]` and `(`), control characters
 *  and direction overrides removed, and cut to NOTIFICATION_MAX characters with an ellipsis. */
export function plainNotificationText(text: string): string {
  const plain = text
    .replace(CONTROL, '')
    .replace(BIDI, '')
    .replace(/\]\s*\(/g, ']\u200b(');
  return plain.length > NOTIFICATION_MAX ? `${plain.slice(0, NOTIFICATION_MAX - 1)}…` : plain;
}
