/**
 * Values a link may hold that its own setup has no use for: a cell-specific key (forget bias,
 * held forget gate, ρ, S6's N, the LRU's ring) for a cell without that control, an initialization the cell does not
 * offer, panels= or controls= outside an embed, autoplay= in backward mode. The decoder puts each
 * back to the baseline (or the cell's default init) and names it in the page's notice; the encoder
 * never writes them, so a link the page wrote itself reads back without a notice.
 */
import {
  cellUsesKey,
  fitRing,
  initForCell,
  initUnusedReason,
  keyUnusedReason,
} from '../worker/cellFit';
import { findLesson } from './lessons';
import { CONFIG_KEYS, FIELDS, show, VIEW_KEYS } from './urlFields';
import type { Field, UrlState } from './urlFields';

/** True when the setup has a use for the key's value. */
export function keyInUse(state: UrlState, key: keyof UrlState): boolean {
  switch (key) {
    case 'panels':
    case 'controls':
      return state.embed;
    case 'autoplay':
      return state.view === 'train';
    default:
      return cellUsesKey(state.cell, key);
  }
}

function unusedReason(state: UrlState, key: keyof UrlState): string {
  if (key === 'panels' || key === 'controls')
    return 'panels= and controls= choose what an embed shows (add embed=1)';
  if (key === 'autoplay')
    return state.view === 'scan'
      ? 'view=scan steps through the scan of a paused batch (Play leaves it and trains)'
      : 'view=backward steps back through a paused batch (Play leaves it and trains)';
  return keyUnusedReason(state.cell, key) ?? 'not used here';
}

function restore<K extends keyof UrlState>(state: UrlState, base: UrlState, key: K): boolean {
  const field = FIELDS[key] as Field<UrlState[K]>;
  if (field.equals(state[key], base[key])) return false;
  state[key] = base[key];
  return true;
}

/**
 * Run after every value of a link is read onto the baseline (`base`: defaults and lesson). `given`
 * holds the link's raw values by key. Changes `state` and appends to `problems`.
 */
export function tidyLink(
  state: UrlState,
  base: UrlState,
  given: ReadonlyMap<string, string>,
  lesson: string | null,
  problems: string[],
): void {
  const init = initForCell(state.cell, state.init);
  if (init !== state.init) {
    // The plain default's init is the cell's default by definition; only a chosen one is named.
    const from = given.has('init')
      ? ''
      : lesson !== null && findLesson(lesson)?.config.init !== undefined
        ? `lesson ${lesson}'s `
        : null;
    if (from !== null)
      problems.push(
        `${from}init=${state.init} is ${initUnusedReason(state.cell, state.init)}; using ${init}`,
      );
    state.init = init;
  }
  if (cellUsesKey(state.cell, 'rmin')) {
    const ring = fitRing(state.rmin, state.rmax);
    if (ring.note !== null) {
      problems.push(ring.note);
      state.rmin = ring.rmin;
      state.rmax = ring.rmax;
    }
  }
  for (const key of [...CONFIG_KEYS, ...VIEW_KEYS]) {
    const raw = given.get(key);
    if (raw === undefined || keyInUse(state, key)) continue;
    // A value equal to the baseline's loses nothing (cell=gru&forgetBias=0): no notice.
    if (restore(state, base, key))
      problems.push(`${key}=${show(raw)} ignored: ${unusedReason(state, key)}`);
  }
}
