// The packaged extension in code-server, seen and used the way a person would.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { workbenchPage } from './support/hooks';
import { environmentStatus, openContainer, runCommand, screenshot, webview } from './support/workbench';

describe('foundation (packaged VSIX in code-server, driven in Chromium)', () => {
  let page: Page;

  before(async () => {
    page = await workbenchPage();
  });

  it('shows the environment in the status bar from start-up, before any of its views is opened', async () => {
    await environmentStatus(page, 'Azure (signed out)').waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('.pane-header', { hasText: 'SQL Data Sync' }).count(), 0, 'the container is not open yet');
  });

  it('shows the container with its five views and their welcome content', async () => {
    await openContainer(page);
    for (const name of ['SQL Data Sync', 'Fabric Mirroring', 'Backup', 'Estate Health', 'Operations']) {
      await page.locator('.pane-header', { hasText: name }).waitFor();
    }
    const dataSync = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'SQL Data Sync' }) });
    await dataSync.getByRole('button', { name: 'Sign in to Azure' }).waitFor();
    await dataSync.getByRole('button', { name: 'Start Local Emulator' }).waitFor();
    await dataSync.getByText('SQL Data Sync retires on 30 September 2027').waitFor();
    await screenshot(page, '01-container-welcome');
  });

  it('activates and shows the environment in the status bar', async () => {
    const item = environmentStatus(page, 'Azure (signed out)');
    await item.waitFor({ timeout: 60_000 });
    assert.equal(await item.count(), 1);
    // Once the extension runs, the signed-out welcome (and its buttons) must still be there.
    const dataSync = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'SQL Data Sync' }) });
    // What is checked is that nothing goes away: the page shows no sign of the extension's (empty) tree
    // answer arriving, so give a wrong answer a moment to replace the welcome before looking.
    await page.waitForTimeout(1000);
    await dataSync.getByRole('button', { name: 'Start Local Emulator' }).waitFor();
  });

  it('opens the Getting Started webview from the palette and renders vscode-elements under its CSP', async () => {
    await runCommand(page, 'Azure SQL Data Movement: Show Getting Started');
    const view = webview(page);
    await view.locator('h1', { hasText: 'Azure SQL Data Movement' }).waitFor();
    await view.locator('#environment', { hasText: 'Azure' }).waitFor();
    await view.locator('#signed-in', { hasText: 'Signed out' }).waitFor();
    // vscode-button upgraded into a custom element with a shadow root: the nonce'd bundle ran.
    const upgraded = await view
      .locator('vscode-button[data-action="chooseEnvironment"]')
      .evaluate((el: { shadowRoot: unknown }) => el.shadowRoot !== null);
    assert.equal(upgraded, true);
    await view.locator('li[data-service="backup"]', { hasText: 'back up now' }).waitFor();
    assert.equal(await view.locator('li[data-service="backup"]', { hasText: 'Not available' }).count(), 0);
    await view.locator('li[data-service="dataSync"]', { hasText: 'retires on 30 September 2027' }).waitFor();
    await screenshot(page, '02-getting-started-webview');
  });

  it('runs a command from a webview button (Choose environment… opens a quick pick)', async () => {
    await webview(page).locator('vscode-button[data-action="chooseEnvironment"]').click();
    const list = page.locator('.quick-input-widget .quick-input-list');
    for (const label of ['Azure', 'Azure US Government', 'Azure China (21Vianet)', 'Local Emulator', 'Custom Environment']) {
      await list.locator('.monaco-list-row', { hasText: label }).first().waitFor();
    }
    await screenshot(page, '03-choose-environment');
    await page.keyboard.press('Escape');
  });
});
