import * as assert from 'node:assert/strict';
import { longText, PAYLOADS } from '../../../src/emulator/seeds/payloads';
import { NOTIFICATION_MAX, plainNotificationText } from '../../../src/ui/notificationText';

// VS Code's notification link syntax (parseLinkedText): what must never match in a shown message.
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;

describe('plainNotificationText', () => {
  it('leaves no clickable link, terminal escape or direction override in service text', () => {
    const shown = plainNotificationText(`Start failed: ${Object.values(PAYLOADS).join(' ')}`);
    assert.doesNotMatch(shown, NOTIFICATION_LINK);
    assert.ok(shown.includes('[Reload]') && shown.includes('command:workbench.action.reloadWindow'), 'the text itself stays readable');
    // eslint-disable-next-line no-control-regex -- checking that none is left
    assert.doesNotMatch(shown, /[\u0000-\u0009\u000b-\u001f\u202e\u2067]/);
    assert.ok(shown.includes('red') && shown.includes('🔥'));
  });

  it('cuts a 10,000-character message with an ellipsis', () => {
    const shown = plainNotificationText(`Failed: ${longText()}`);
    assert.equal(shown.length, NOTIFICATION_MAX);
    assert.ok(shown.endsWith('…'));
  });

  it('keeps ordinary messages unchanged', () => {
    const text = 'Start mirroring of RetailOps mirror failed: the workspace (Sales) has no capacity [F64].';
    assert.equal(plainNotificationText(text), text);
  });
});
