// The packaged extension over the hostile estate (emulator seed `hostile`): every tree level, tooltip,
// webview, document, dialog and notification of Data Sync, Fabric and Backup is opened, and on each one nothing a
// payload carries may run, exist as an element, be a clickable command link or trip the Content Security
// Policy; long strings stay readable without widening a page. Surfaces are rows of a table: a service
// adds its own list (see SURFACES at the end). Prints the number of (surface × payload) pairs checked.
import * as assert from 'node:assert/strict';
import type { Frame, Locator, Page } from 'playwright-core';
import { PAYLOADS, type PayloadKind } from '../../src/emulator/seeds/payloads';
import { workbenchPage } from './support/hooks';
import { resetEmulator } from './support/emulatorControl';
import {
  assertLongTextContained,
  assertNothingRan,
  extensionLogReports,
  payloadsIn,
  watchCsp,
  type BrowserGlobals,
} from './support/hostileChecks';
import { environmentStatus, expandUntil, openContainer, runCommand, runContextMenu, screenshot } from './support/workbench';

const P = 'Azure SQL Data Movement';

/** What a surface showed: its text (to see which payloads reached it) and its webview frame, if any. */
interface Shown {
  text: string;
  frame?: Frame;
}

interface Surface {
  service: 'Data Sync' | 'Fabric' | 'Backup';
  name: string;
  /** Opens the surface; `check` runs the no-harm checks while something transient (a hover) is up. */
  open(page: Page, check: () => Promise<void>): Promise<Shown>;
}

const pane = (page: Page, title: string) => page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) });
const row = (page: Page, view: string, name: string | RegExp) => pane(page, view).getByRole('treeitem', { name });
const DS = 'SQL Data Sync';
const FM = 'Fabric Mirroring';
const BK = 'Backup';
const EH = 'Estate Health';

/** Folds or unfolds a view of the container (the sidebar has room for two or three at a time). */
async function setExpanded(page: Page, title: string, expanded: boolean): Promise<void> {
  const header = page.locator('.pane-header', { hasText: title });
  if (((await header.getAttribute('aria-expanded')) === 'true') !== expanded) await header.click();
}

/** Only `title` unfolded among the service views (Operations as it was). */
async function focusView(page: Page, title: string): Promise<void> {
  for (const other of [DS, FM, BK, EH]) if (other !== title) await setExpanded(page, other, false);
  await setExpanded(page, title, true);
}

/** The content frame of the (one) open webview, once its page shows `ready`. */
async function webviewFrame(page: Page, ready: string): Promise<Frame> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    for (const outer of await page.locator('iframe.webview.ready').elementHandles()) {
      const host = await outer.contentFrame();
      const inner = await (await host?.$('#active-frame'))?.contentFrame();
      if (
        inner &&
        (await inner
          .locator(ready)
          .count()
          .catch(() => 0)) > 0
      )
        return inner;
    }
    if (Date.now() > deadline) throw new Error(`no webview showing ${ready}`);
    await page.waitForTimeout(200);
  }
}

async function frameText(frame: Frame, waitFor: string): Promise<string> {
  // Option labels of the custom selects live in light DOM; textContent has them, innerText may not.
  const text = () => (globalThis as unknown as BrowserGlobals).document.body.textContent ?? '';
  await frame.waitForFunction((t) => ((globalThis as unknown as BrowserGlobals).document.body.textContent ?? '').includes(t), waitFor, {
    timeout: 60_000,
  });
  return frame.evaluate(text);
}

/** Hovers a row until its tooltip shows; returns the tooltip's text. */
async function hoverText(page: Page, target: Locator, check: () => Promise<void>): Promise<string> {
  const hover = page.locator('.monaco-hover:visible, .workbench-hover:visible').last();
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.mouse.move(0, 0);
    await target.hover();
    if (
      await hover.waitFor({ timeout: 6000 }).then(
        () => true,
        () => false,
      )
    ) {
      await check();
      const text = await hover.innerText();
      await page.mouse.move(0, 0);
      return text;
    }
  }
  throw new Error('no tooltip showed');
}

async function editorText(page: Page, contains: string): Promise<string> {
  const editor = page.locator('.editor-instance .view-lines').first();
  await editor.getByText(contains, { exact: false }).first().waitFor({ timeout: 30_000 });
  return editor.innerText();
}

async function openDataSyncTree(page: Page): Promise<void> {
  // The only unfolded view: earlier journeys may have left it a few rows high beside the others.
  await focusView(page, DS);
  await setExpanded(page, 'Operations', false);
  await expandUntil(page, row(page, DS, /^Hostile/), row(page, DS, /^hostile-sql/));
  await expandUntil(page, row(page, DS, /^hostile-sql/), row(page, DS, /^hostile-sync/));
}

async function openFabricTree(page: Page): Promise<void> {
  await focusView(page, FM);
  await expandUntil(page, row(page, FM, /^Workspace/), row(page, FM, /^Mirror /));
}

const dataSyncSurfaces: Surface[] = [
  {
    service: 'Data Sync',
    name: 'tree: subscription, server, groups, members, agents',
    async open(page) {
      await openDataSyncTree(page);
      await expandUntil(page, row(page, DS, /^hostile-sync/), row(page, DS, /^hostile-member/));
      await expandUntil(page, row(page, DS, /^Sync Agents/), row(page, DS, /^hostile-agent/));
      return { text: await pane(page, DS).innerText() };
    },
  },
  {
    service: 'Data Sync',
    name: 'tooltips of every tree level',
    async open(page, check) {
      await openDataSyncTree(page);
      let text = '';
      for (const name of [/^Hostile/, /^hostile-sql/, /^hostile-sync/, /^hostile-member/, /^hostile-onprem/, /^hostile-agent/])
        text += await hoverText(page, row(page, DS, name), check);
      return { text };
    },
  },
  {
    service: 'Data Sync',
    name: 'subscription quick pick',
    async open(page, check) {
      await runCommand(page, `${P}: View Sync Logs`);
      const list = page.locator('.quick-input-widget .quick-input-list');
      await list.locator('.monaco-list-row', { hasText: 'Hostile' }).first().waitFor({ timeout: 30_000 });
      await check();
      const text = await page.locator('.quick-input-widget').innerText();
      await page.keyboard.press('Escape');
      return { text };
    },
  },
  {
    service: 'Data Sync',
    name: 'setup wizard',
    async open(page) {
      await openDataSyncTree(page);
      await runContextMenu(page, row(page, DS, /^hostile-sync/), 'Open Sync Group Setup Wizard');
      const frame = await webviewFrame(page, 'h1');
      return { text: await frameText(frame, 'hostile-sync'), frame };
    },
  },
  {
    service: 'Data Sync',
    name: 'schema picker',
    async open(page) {
      await openDataSyncTree(page);
      await runContextMenu(page, row(page, DS, /^hostile-sync/), 'Choose Tables and Columns…');
      const frame = await webviewFrame(page, '.schema-table');
      return { text: await frameText(frame, 'onerror='), frame };
    },
  },
  {
    service: 'Data Sync',
    name: 'sync logs with details expanded',
    async open(page) {
      await openDataSyncTree(page);
      await runContextMenu(page, row(page, DS, /^hostile-sync/), 'View Sync Logs');
      const frame = await webviewFrame(page, '#log-body button.linkish');
      for (const button of await frame.locator('#log-body button.linkish').all()) await button.click();
      return { text: await frameText(frame, 'LONG-END'), frame };
    },
  },
];

const HOSTILE_RENAME = `Renamed ${PAYLOADS.commandUri} ${PAYLOADS.img}`;

const fabricSurfaces: Surface[] = [
  {
    service: 'Fabric',
    name: 'tree: workspace, mirrored databases, tables',
    async open(page) {
      await openFabricTree(page);
      await expandUntil(page, row(page, FM, /^Mirror /), row(page, FM, /onerror=/).first());
      return { text: await pane(page, FM).innerText() };
    },
  },
  {
    service: 'Fabric',
    name: 'tooltips of every tree level',
    async open(page, check) {
      await openFabricTree(page);
      await expandUntil(page, row(page, FM, /^Mirror /), row(page, FM, /onerror=/).first());
      let text = '';
      for (const target of [row(page, FM, /^Workspace/), row(page, FM, /^Mirror /), row(page, FM, /onerror=/).first()])
        text += await hoverText(page, target, check);
      return { text };
    },
  },
  {
    service: 'Fabric',
    name: 'replication monitor',
    async open(page) {
      await openFabricTree(page);
      await runContextMenu(page, row(page, FM, /^Mirror /), 'Open Replication Monitor');
      const frame = await webviewFrame(page, 'h1');
      return { text: await frameText(frame, 'Table failed:'), frame };
    },
  },
  {
    service: 'Fabric',
    name: 'mirroring definition editor',
    async open(page) {
      await openFabricTree(page);
      await runContextMenu(page, row(page, FM, /^Mirror /), 'Open Mirroring Definition');
      return { text: await editorText(page, 'typeProperties') };
    },
  },
  {
    service: 'Fabric',
    name: 'readiness report',
    async open(page) {
      await openFabricTree(page);
      await runContextMenu(page, row(page, FM, /^Mirror /), 'Check Mirroring Readiness');
      return { text: await editorText(page, 'Mirror') };
    },
  },
  {
    service: 'Fabric',
    name: 'create wizard',
    async open(page) {
      await runCommand(page, `${P}: Create Mirrored Database…`);
      const frame = await webviewFrame(page, 'h1');
      return { text: await frameText(frame, 'onerror='), frame };
    },
  },
  {
    service: 'Fabric',
    name: 'stop confirmation dialog, the operation and its details document',
    async open(page, check) {
      await openFabricTree(page);
      await runContextMenu(page, row(page, FM, /^Mirror /), 'Stop Mirroring');
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor();
      await check();
      let text = await dialog.innerText();
      await dialog.getByRole('button', { name: 'Stop Mirroring' }).click();
      await setExpanded(page, 'Operations', true);
      const op = pane(page, 'Operations')
        .getByRole('treeitem', { name: /Stop mirroring/ })
        .first();
      await op.waitFor({ timeout: 30_000 });
      text += await hoverText(page, op, check);
      await op.click();
      text += await editorText(page, 'Operation:');
      return { text };
    },
  },
  {
    service: 'Fabric',
    name: 'error notification of a refused rename',
    async open(page, check) {
      await openFabricTree(page);
      await runContextMenu(page, row(page, FM, /^Stopped /), 'Rename Mirrored Database…');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill(HOSTILE_RENAME);
      await page.keyboard.press('Enter');
      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Rename mirrored database failed' });
      await toast.waitFor({ timeout: 30_000 });
      await check();
      const text = await toast.innerText();
      assert.ok(text.length < 1000, 'a long message is cut in the notification');
      return { text };
    },
  },
];

const backupSurfaces: Surface[] = [
  {
    service: 'Backup',
    name: "jobs view and a failed job's details",
    async open(page) {
      await focusView(page, BK);
      await expandUntil(page, row(page, BK, /^Hostile/), row(page, BK, /^hostile-vault/));
      await expandUntil(page, row(page, BK, /^hostile-vault/), row(page, BK, /^Jobs/));
      await row(page, BK, /^Jobs/).click();
      const frame = await webviewFrame(page, '#jobs tr');
      await frame.locator('#jobs tr', { hasText: 'Failed' }).first().getByRole('button', { name: 'Details' }).click();
      return { text: await frameText(frame, 'Do this:'), frame };
    },
  },
  {
    service: 'Backup',
    name: "configure protection: the VM's databases as the inquiry found them",
    async open(page, check) {
      await focusView(page, BK);
      await expandUntil(page, row(page, BK, /^Hostile/), row(page, BK, /^hostile-vault/));
      await runContextMenu(page, row(page, BK, /^hostile-vault/), 'Configure Protection…');
      const quick = page.locator('.quick-input-widget');
      const vmTitle = 'Choose the SQL Server VM to protect (hostile-vault)';
      await quick.locator('.quick-input-title', { hasText: vmTitle }).waitFor({ timeout: 90_000 });
      await quick.locator('.quick-input-list .monaco-list-row', { hasText: /^hostile-sqlvm/ }).waitFor();
      await page.keyboard.type('hostile-sqlvm');
      await quick.locator('.quick-input-list .monaco-list-row.focused', { hasText: /hostile-sqlvm/ }).waitFor();
      await page.keyboard.press('Enter');
      const dbTitle = 'Databases to protect on hostile-sqlvm';
      await quick.locator('.quick-input-title', { hasText: dbTitle }).waitFor({ timeout: 90_000 });
      await quick.locator('.quick-input-list .monaco-list-row', { hasText: 'PlainDb' }).first().waitFor();
      await check();
      const text = await quick.locator('.quick-input-list').innerText();
      await page.keyboard.press('Escape');
      await quick.locator('.quick-input-title', { hasText: dbTitle }).waitFor({ state: 'hidden' });
      return { text };
    },
  },
  {
    service: 'Backup',
    name: 'Estate Health: problems of all three services and their tooltips',
    async open(page, check) {
      await focusView(page, EH);
      await runCommand(page, `${P}: Refresh Estate Health`);
      const problem = row(page, EH, /failed/i).first();
      await problem.waitFor({ timeout: 60_000 });
      const text = (await pane(page, EH).innerText()) + (await hoverText(page, row(page, EH, /Backup.*failed/i).first(), check));
      await focusView(page, DS);
      await setExpanded(page, FM, true);
      await setExpanded(page, 'Operations', true);
      return { text };
    },
  },
];

/** Every surface swept, service by service; a service adds its rows here. */
const SURFACES: Surface[] = [...dataSyncSurfaces, ...fabricSurfaces, ...backupSurfaces];

describe('hostile data sweep (packaged VSIX, Chromium)', function () {
  this.timeout(240_000);
  let page: Page;
  let csp: string[];
  const pairs: { surface: string; payloads: PayloadKind[] }[] = [];
  let longChecked = 0;

  before(async () => {
    page = await workbenchPage();
    csp = watchCsp(page);
    await openContainer(page);
    if ((await environmentStatus(page, 'Local Emulator').count()) === 0) await runCommand(page, `${P}: Start Local Emulator`);
    await environmentStatus(page, 'Local Emulator').waitFor({ timeout: 60_000 });
    // Earlier journeys may leave the bottom panel open and the views at other heights: give the trees room.
    const bottomPanel = page.locator('.part.panel');
    if (await bottomPanel.isVisible()) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+J'); // View: Toggle Panel Visibility
      await bottomPanel.waitFor({ state: 'hidden' });
    }
    for (const title of [BK, EH, 'Operations']) await setExpanded(page, title, false);
    for (const title of [DS, FM]) await setExpanded(page, title, true);
    await resetEmulator('hostile');
    await runCommand(page, `${P}: Refresh SQL Data Sync`);
    await runCommand(page, `${P}: Refresh Fabric Mirroring`);
    await row(page, DS, /^Hostile/).waitFor({ timeout: 60_000 });
  });

  beforeEach(async () => {
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'Notifications: Clear All Notifications');
  });

  after(async () => {
    console.log(
      `    hostile sweep: ${pairs.reduce((n, p) => n + p.payloads.length, 0)} (surface × payload) pairs checked over ${pairs.length} surfaces; long text checked in ${longChecked} webviews`,
    );
    for (const p of pairs) console.log(`      ${p.surface}: ${p.payloads.join(', ')}`);
    await resetEmulator('demo').catch(() => undefined);
    await runCommand(page, `${P}: Refresh SQL Data Sync`).catch(() => undefined);
    await runCommand(page, `${P}: Refresh Fabric Mirroring`).catch(() => undefined);
  });

  SURFACES.forEach((surface, i) => {
    it(`${surface.service}: ${surface.name}`, async () => {
      const name = `${surface.service}: ${surface.name}`;
      const shown = await surface.open(page, () => assertNothingRan(page, name, csp));
      await assertNothingRan(page, name, csp);
      if (shown.frame && (await assertLongTextContained(shown.frame, name))) longChecked++;
      const payloads = payloadsIn(shown.text);
      assert.ok(payloads.length > 0, `${name} showed none of the payloads: ${shown.text.slice(0, 200)}`);
      pairs.push({ surface: name, payloads });
      await screenshot(page, `hostile-${String(i + 1).padStart(2, '0')}-${surface.name.replace(/\W+/g, '-').slice(0, 40)}`);
    });
  });

  it('no page reported a CSP violation or sent a message the extension refused (its log)', () => {
    assert.deepEqual(extensionLogReports(process.env.SQLDM_E2E_STATE ?? ''), []);
  });
});
