/**
 * Every cell's explanation (cells/<id>/explain.ts), kept out of the descriptors so that the page's
 * first chunk carries none of their text: the explain panel loads this module in a chunk of its own.
 */
import type { CellKind } from './catalog';
import type { Explanation } from './types';
import { EXPLAIN as ATTENTION } from './attention/explain';
import { EXPLAIN as GRU } from './gru/explain';
import { EXPLAIN as LINEAR } from './linear/explain';
import { EXPLAIN as LRU } from './lru/explain';
import { EXPLAIN as LSTM } from './lstm/explain';
import { EXPLAIN as RELU } from './relu/explain';
import { EXPLAIN as RGLRU } from './rglru/explain';
import { EXPLAIN as RNN } from './rnn/explain';
import { EXPLAIN as S6 } from './s6/explain';

export const EXPLANATIONS: Readonly<Record<CellKind, Explanation>> = {
  linear: LINEAR,
  rnn: RNN,
  relu: RELU,
  lstm: LSTM,
  gru: GRU,
  lru: LRU,
  rglru: RGLRU,
  s6: S6,
  attention: ATTENTION,
};
