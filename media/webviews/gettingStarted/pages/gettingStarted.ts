// Front end of the Getting Started panel. Renders only what the extension sends, with textContent.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-divider/index.js';
import type {
  FromGettingStarted,
  GettingStartedAction,
  ServiceView,
  ToGettingStarted,
} from '../../../../src/gettingStarted/protocol/gettingStarted';
import { byId } from '../../shared/dom';
import { onMessage, post, reportCspViolations } from '../../shared/vscodeApi';

const send = (m: FromGettingStarted) => post(m);

reportCspViolations((directive, blocked) => send({ type: 'cspViolation', directive, blocked }));

for (const button of document.querySelectorAll<HTMLElement>('[data-action]')) {
  button.addEventListener('click', () => send({ type: 'run', action: button.dataset.action as GettingStartedAction }));
}

onMessage<ToGettingStarted>((message) => {
  if (message.type !== 'state') return;
  const s = message.state;
  byId('environment').textContent = s.environmentLabel;
  const badge = byId('signed-in');
  badge.textContent = s.signedIn ? (s.account ? `Signed in as ${s.account}` : 'Signed in') : 'Signed out';
  byId('emulator-arm').textContent = s.emulatorArm ?? '';
  byId('emulator-line').hidden = !s.emulatorArm;
  byId('sign-in').hidden = s.signedIn;
  byId('start-emulator').hidden = s.isEmulator && s.signedIn;
  renderServices(s.services);
});

function renderServices(services: ServiceView[]): void {
  const list = byId('services');
  list.replaceChildren(
    ...services.map((service) => {
      const item = document.createElement('li');
      item.dataset.service = service.id;
      const name = document.createElement('strong');
      name.textContent = service.name;
      item.append(name, ` — ${service.summary}`);
      if (service.availability) {
        const badge = document.createElement('vscode-badge');
        badge.textContent = service.availability;
        item.append(' ', badge);
        item.classList.add('muted');
      }
      if (service.warning) {
        const warning = document.createElement('span');
        warning.className = 'warning';
        warning.textContent = service.warning;
        item.append(' ', warning);
      }
      return item;
    }),
  );
  send({ type: 'rendered', services: [...list.children].map((li) => li.textContent ?? '') });
}

const defined = ['vscode-button', 'vscode-badge', 'vscode-divider'].filter((name) => customElements.get(name) !== undefined);
send({ type: 'ready', elements: defined });
