// The recovery timeline as an SVG: full backups as circles, differentials as diamonds, other types as
// squares, log ranges as bars under them, the chosen point or moment and the chain it replays
// highlighted. The points are a radio group with one tab stop (arrow keys, Home and End move the choice);
// a click on a bar picks the moment under the pointer. Colours are classes styled with the theme's
// variables; every text is set with textContent.
import type { ChainLinkView, TimelineView } from '../../../src/backup/webviews/protocol/restoreWizard';

const NS = 'http://www.w3.org/2000/svg';
const W = 900;
const H = 120;
const PAD = 24;
const MARK_Y = 38;
const BAR_Y = 66;
const BAR_H = 14;
const AXIS_Y = 92;

export interface TimelineSelection {
  mode: 'point' | 'pointInTime';
  point?: string;
  /** Epoch ms of the chosen moment (mode pointInTime). */
  time?: number;
  chain?: ChainLinkView[];
}

export interface TimelineCallbacks {
  onPickPoint(name: string): void;
  onPickTime(ms: number): void;
}

/** 2026-11-28 02:36 UTC (seconds when they are not zero). */
export function formatUtc(ms: number): string {
  const s = new Date(ms).toISOString();
  const secs = s.slice(17, 19);
  return `${s.slice(0, 10)} ${s.slice(11, 16)}${secs === '00' ? '' : `:${secs}`} UTC`;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

const kindOf = (type: string) => (/^full$/i.test(type) ? 'full' : /^differential$/i.test(type) ? 'diff' : 'other');
const typeLabel = (type: string) => (kindOf(type) === 'diff' ? 'Differential' : type);

export class RecoveryTimeline {
  private readonly root: SVGSVGElement;
  private markers: SVGGElement[] = [];
  private data: TimelineView = { points: [], ranges: [] };
  private from = 0;
  private to = 1;

  constructor(
    private readonly host: HTMLElement,
    private readonly callbacks: TimelineCallbacks,
  ) {
    this.root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'timeline-svg', role: 'group' });
    host.replaceChildren(this.root);
  }

  private x(ms: number): number {
    return PAD + ((ms - this.from) / (this.to - this.from)) * (W - 2 * PAD);
  }

  private timeAt(clientX: number): number {
    const box = this.root.getBoundingClientRect();
    const vx = ((clientX - box.left) / box.width) * W;
    return Math.round((this.from + ((vx - PAD) / (W - 2 * PAD)) * (this.to - this.from)) / 1000) * 1000;
  }

  setData(data: TimelineView, label: string): void {
    this.data = data;
    this.root.setAttribute('aria-label', label);
    const times = [...data.points.map((p) => Date.parse(p.time)), ...data.ranges.flatMap((r) => [Date.parse(r.start), Date.parse(r.end)])];
    this.from = times.length ? Math.min(...times) : Date.now() - 86_400_000;
    this.to = times.length ? Math.max(...times) : Date.now();
    if (this.to - this.from < 3_600_000) {
      this.from -= 1_800_000;
      this.to += 1_800_000;
    }
  }

  render(selection: TimelineSelection): void {
    const children: SVGElement[] = [];
    // Axis with six date ticks.
    children.push(svg('line', { x1: PAD, x2: W - PAD, y1: AXIS_Y, y2: AXIS_Y, class: 'axis' }));
    for (let i = 0; i <= 5; i++) {
      const t = this.from + ((this.to - this.from) * i) / 5;
      const x = this.x(t);
      children.push(svg('line', { x1: x, x2: x, y1: AXIS_Y, y2: AXIS_Y + 4, class: 'axis' }));
      const anchor = i === 0 ? 'start' : i === 5 ? 'end' : 'middle';
      children.push(svg('text', { x, y: AXIS_Y + 18, class: 'tick', 'text-anchor': anchor }, formatUtc(t).slice(0, 16)));
    }
    // Log ranges: bars; a click picks the moment under the pointer.
    for (const r of this.data.ranges) {
      const start = Date.parse(r.start);
      const end = Date.parse(r.end);
      const bar = svg('rect', {
        x: this.x(start),
        y: BAR_Y,
        width: Math.max(2, this.x(end) - this.x(start)),
        height: BAR_H,
        rx: 3,
        class: 'log-range',
      });
      bar.append(svg('title', {}, `Log backups ${formatUtc(start)} – ${formatUtc(end)}: click to restore to a moment in this range`));
      // The moment is picked in whole seconds (what the datetime input holds), inside the range.
      const first = Math.ceil(start / 1000) * 1000;
      const last = Math.floor(end / 1000) * 1000;
      bar.addEventListener('click', (e) => this.callbacks.onPickTime(Math.min(last, Math.max(first, this.timeAt(e.clientX)))));
      children.push(bar);
    }
    // The chain: the logs it replays, highlighted on the bar.
    const chainNames = new Set((selection.chain ?? []).map((l) => l.name?.toLowerCase()).filter(Boolean));
    for (const link of selection.chain ?? []) {
      if (link.name || !link.until) continue;
      const a = this.x(Date.parse(link.time));
      const b = this.x(Date.parse(link.until));
      children.push(svg('rect', { x: a, y: BAR_Y + 3, width: Math.max(2, b - a), height: BAR_H - 6, class: 'chain-log' }));
    }
    if (selection.mode === 'pointInTime' && selection.time !== undefined) {
      const x = this.x(selection.time);
      children.push(svg('line', { x1: x, x2: x, y1: BAR_Y - 10, y2: BAR_Y + BAR_H + 6, class: 'pit-marker' }));
    }
    // Points: one radio group, one tab stop.
    const group = svg('g', { role: 'radiogroup', 'aria-label': 'Recovery points (arrow keys choose)' });
    const selectedIndex = this.data.points.findIndex((p) => selection.mode === 'point' && p.name === selection.point);
    this.markers = this.data.points.map((p, i) => {
      const t = Date.parse(p.time);
      const x = this.x(t);
      const kind = kindOf(p.type);
      const selected = i === selectedIndex;
      const classes = ['marker', `marker-${kind}`, selected ? 'selected' : '', chainNames.has(p.name.toLowerCase()) ? 'in-chain' : ''];
      const g = svg('g', {
        class: classes.filter(Boolean).join(' '),
        role: 'radio',
        'aria-checked': selected ? 'true' : 'false',
        'aria-label': `${typeLabel(p.type)} backup, ${formatUtc(t)}`,
        tabindex: selected || (selectedIndex < 0 && i === this.data.points.length - 1) ? 0 : -1,
        'data-name': p.name,
      });
      if (selected) g.append(svg('line', { x1: x, x2: x, y1: MARK_Y + 8, y2: AXIS_Y, class: 'pick-line' }));
      const shape =
        kind === 'full'
          ? svg('circle', { cx: x, cy: MARK_Y, r: 7, class: 'shape' })
          : kind === 'diff'
            ? svg('rect', { x: x - 5.5, y: MARK_Y - 5.5, width: 11, height: 11, transform: `rotate(45 ${x} ${MARK_Y})`, class: 'shape' })
            : svg('rect', { x: x - 5, y: MARK_Y - 5, width: 10, height: 10, class: 'shape' });
      // A wider, invisible target so small marks are easy to click.
      g.append(svg('rect', { x: x - 9, y: MARK_Y - 14, width: 18, height: 28, class: 'hit' }), shape);
      g.append(svg('title', {}, `${typeLabel(p.type)} backup ${formatUtc(t)} (${p.name})`));
      g.addEventListener('click', () => this.callbacks.onPickPoint(p.name));
      g.addEventListener('keydown', (e) => this.onKey(e, i));
      return g;
    });
    group.append(...this.markers);
    children.push(group);
    this.root.replaceChildren(...children);
  }

  private onKey(e: KeyboardEvent, i: number): void {
    const last = this.markers.length - 1;
    const next =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? Math.min(last, i + 1)
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? Math.max(0, i - 1)
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : e.key === ' ' || e.key === 'Enter'
                ? i
                : undefined;
    if (next === undefined) return;
    e.preventDefault();
    this.callbacks.onPickPoint(this.data.points[next].name);
    this.focusPoint(this.data.points[next].name);
  }

  focusPoint(name: string): void {
    this.markers.find((m) => m.getAttribute('data-name') === name)?.focus();
  }
}
