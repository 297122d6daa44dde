/**
 * Every cell's page data (its folder's page.ts), typed against the id union: a registered cell
 * without one does not compile. The panels, charts and worker read cells' differences from here
 * and from the descriptors (./catalog.ts), never by comparing ids.
 */
import { PAGE as ATTENTION } from './attention/page';
import type { CellKind } from './catalog';
import { PAGE as GRU } from './gru/page';
import { PAGE as LINEAR } from './linear/page';
import { PAGE as LRU } from './lru/page';
import { PAGE as LSTM } from './lstm/page';
import type { CellPage } from './pageTypes';
import { PAGE as RELU } from './relu/page';
import { PAGE as RGLRU } from './rglru/page';
import { PAGE as RNN } from './rnn/page';
import { PAGE as S6 } from './s6/page';

export const PAGES = {
  linear: LINEAR,
  rnn: RNN,
  relu: RELU,
  lstm: LSTM,
  gru: GRU,
  lru: LRU,
  rglru: RGLRU,
  s6: S6,
  attention: ATTENTION,
} as const satisfies Record<CellKind, CellPage>;

/** The page data of a registered cell; throws RangeError for an unknown id. */
export function cellPage(id: string): CellPage {
  const p = (PAGES as Readonly<Record<string, CellPage>>)[id];
  if (p === undefined) throw new RangeError(`no page data for cell ${JSON.stringify(id)}`);
  return p;
}
