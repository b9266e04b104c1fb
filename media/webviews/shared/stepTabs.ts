// The step tabs of a wizard page (`button.step` with `data-step`) and its `button[data-goto]` links: a
// click shows the step, the arrow keys move focus between tabs (wrapping round), as a tab list does.
export function wireStepTabs<S extends string>(stepTabs: readonly HTMLButtonElement[], showStep: (step: S) => void): void {
  for (const [i, tab] of stepTabs.entries()) {
    tab.addEventListener('click', () => showStep(tab.dataset.step as S));
    tab.addEventListener('keydown', (e) => {
      const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : undefined;
      if (next === undefined) return;
      e.preventDefault();
      stepTabs[(next + stepTabs.length) % stepTabs.length].focus();
    });
  }
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-goto]'))
    b.addEventListener('click', () => showStep(b.dataset.goto as S));
}
