import * as assert from 'node:assert/strict';
import { appendInertText, breakAutolinks } from '../../../src/ui/inertText';

// What GFM autolinks (as the hover's Markdown renderer does): a scheme URL, www., an e-mail address.
const AUTOLINK = /https?:\/\/|\bwww\.|[\w.+-]+@[\w-]+\.\w/i;

describe('breakAutolinks', () => {
  it('leaves no bare URL or e-mail address a Markdown renderer would link', () => {
    const text = 'see https://evil.example/phish, http://x.y, www.evil.example or mail admin@evil.example';
    const inert = breakAutolinks(text);
    assert.doesNotMatch(inert, AUTOLINK);
    assert.equal(inert.replace(/\u2060/g, ''), text, 'only invisible joiners were added');
  });

  it('appends through appendText, so Markdown syntax is still escaped by the caller', () => {
    const appended: string[] = [];
    appendInertText({ appendText: (v: string) => appended.push(v) }, '[x](command:a) https://e.example');
    assert.deepEqual(appended, ['[x](command:a) https:\u2060//e.example']);
  });

  it('keeps ordinary text as it is', () => {
    assert.equal(breakAutolinks('Sync group sales-sync · Last sync: 3 min ago'), 'Sync group sales-sync · Last sync: 3 min ago');
  });
});
