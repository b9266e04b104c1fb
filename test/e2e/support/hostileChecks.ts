// What the hostile sweep checks on every surface: no payload ran (the canary global is unset in every
// frame), no element a payload would create exists in any DOM, no `command:` or `javascript:` link from
// data is clickable, no Content-Security-Policy violation was reported, long text does not widen a page,
// and which payloads reached the surface as text (the surface × payload pairs).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { CANARY, LONG_HEAD, LONG_TAIL, PAYLOAD_KINDS, type PayloadKind } from '../../../src/emulator/seeds/payloads';

/** How each payload reads once shown as text (what a surface shows when it treated it as data). */
export const PAYLOAD_MARKERS: Record<PayloadKind, string> = {
  img: `onerror=${CANARY}=1`,
  script: `${CANARY}=2`,
  svg: `onload=${CANARY}=3`,
  commandUri: 'command:workbench.action.reloadWindow',
  javascriptUri: `javascript:${CANARY}=4`,
  markdown: 'evil.example/phish',
  bidi: 'fdp.exe',
  ansi: '[31mred',
  emoji: '🔥💾',
  icons: '$(zap) $(alert)',
  long: LONG_HEAD,
};

/** Elements only a payload acted on as HTML would create, in any frame. */
const PAYLOAD_ELEMENTS = [
  'img[src="x"]',
  '[onerror]',
  '[onload]',
  'svg[onload]',
  'a[href^="javascript:"]',
  'a[href*="reloadWindow"]',
  'a[data-href*="reloadWindow"]',
  'a[href*="evil.example"]',
  'a[data-href*="evil.example"]',
].join(', ');

/** The little of the browser's globals the checks read (the e2e tests compile without the DOM library). */
interface El {
  tagName: string;
  outerHTML: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
}
export interface BrowserGlobals {
  document: {
    body: El;
    documentElement: { scrollWidth: number; clientWidth: number };
    scrollingElement: { scrollWidth: number; clientWidth: number } | null;
    querySelectorAll(selector: string): Iterable<El> & ArrayLike<El>;
  };
}

export interface SurfaceCheck {
  surface: string;
  /** The payload kinds whose text the surface showed. */
  shown: PayloadKind[];
}

/** Collects CSP reports from every frame's console (webviews report violations there too). */
export function watchCsp(page: Page): string[] {
  const reports: string[] = [];
  page.on('console', (m) => {
    const text = m.text();
    if (!/Content Security Policy|Refused to (execute|load|apply)/i.test(text)) return;
    // Any report from a webview frame, and any report anywhere about what a payload would load or run.
    if (/webview/i.test(m.location().url) || /__sqldmCanary|evil\.example|inline|'x'|\/x\b/.test(text)) reports.push(text.slice(0, 300));
  });
  return reports;
}

async function frameProblems(frame: Frame): Promise<string[]> {
  return frame
    .evaluate(
      ({ canary, selector }) => {
        const problems: string[] = [];
        const w = globalThis as unknown as BrowserGlobals & Record<string, unknown>;
        const document = w.document;
        if (w[canary] !== undefined) problems.push(`the canary was set to ${JSON.stringify(w[canary])}`);
        const found = [...document.querySelectorAll(selector)];
        for (const el of found.slice(0, 3)) problems.push(`payload element <${el.tagName.toLowerCase()}> ${el.outerHTML.slice(0, 120)}`);
        for (const s of document.querySelectorAll('script'))
          if ((s.textContent ?? '').includes(canary)) problems.push('a <script> from data is in the page');
        return problems;
      },
      { canary: CANARY, selector: PAYLOAD_ELEMENTS },
    )
    .catch(() => [] as string[]); // a frame that went away while being looked at has nothing left to check
}

/** Every frame of the page (workbench, webview hosts, webview contents): nothing from a payload ran or exists. */
export async function assertNothingRan(page: Page, surface: string, cspReports: string[]): Promise<void> {
  const problems: string[] = [];
  for (const frame of page.frames()) for (const p of await frameProblems(frame)) problems.push(`${frame.url().slice(0, 60)}: ${p}`);
  if (cspReports.length) problems.push(...cspReports.map((r) => `CSP: ${r}`));
  if (problems.length) throw new Error(`${surface}: ${problems.join('\n')}`);
}

/** Which payloads the text shows (each kind once). */
export function payloadsIn(text: string): PayloadKind[] {
  return PAYLOAD_KINDS.filter((k) => text.includes(PAYLOAD_MARKERS[k]));
}

/** A page with the long string keeps it whole in its DOM but does not scroll sideways because of it. */
export async function assertLongTextContained(frame: Frame, surface: string): Promise<boolean> {
  const r = await frame.evaluate(
    ({ head, tail }) => {
      const document = (globalThis as unknown as BrowserGlobals).document;
      const text = document.body.textContent ?? '';
      const root = document.scrollingElement ?? document.documentElement;
      // The whole text is on the page, or (cut on the page) in the element's tooltip.
      const titles = [...document.querySelectorAll('[title]')].map((e) => e.getAttribute('title') ?? '').join('\n');
      return {
        has: text.includes(head) || titles.includes(head),
        whole: text.includes(tail) || titles.includes(tail),
        overflow: root.scrollWidth - root.clientWidth,
      };
    },
    { head: LONG_HEAD, tail: LONG_TAIL },
  );
  if (!r.has) return false;
  if (!r.whole) throw new Error(`${surface}: the long text is cut with no way to read it whole`);
  if (r.overflow > 2) throw new Error(`${surface}: the long text makes the page scroll sideways by ${r.overflow}px`);
  return true;
}

/** What the extension's pages reported to it (it logs every CSP violation and refused message). */
export function extensionLogReports(stateDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'Azure SQL Data Movement.log')
        for (const line of fs.readFileSync(p, 'utf8').split('\n'))
          if (/Content-Security-Policy|refused a message from the page/.test(line)) found.push(line.slice(0, 300));
    }
  };
  walk(path.join(stateDir, 'ud', 'logs'));
  return found;
}
