import { useState } from 'react';
import {
  stickyLinearDomain,
  stickyLogDomain,
  type Columns,
  type Domain,
  type LinearDomainOptions,
  type LogDomainOptions,
} from './scales';

/**
 * A sticky axis domain kept across renders: it grows (by decades for 'log') when the data leave it
 * and starts afresh when `resetKey` changes (e.g. the run id after Reset). Uses React's "adjust state
 * during render" pattern, so a grown domain is applied in the same render, and the returned array
 * keeps its identity while unchanged.
 */
export function useStickyDomain(
  data: Columns,
  kind: 'log' | 'linear',
  resetKey: unknown,
  opts?: LogDomainOptions & LinearDomainOptions,
): Domain {
  const [st, setSt] = useState<{ key: unknown; dom: Domain | null }>({ key: resetKey, dom: null });
  const same = Object.is(st.key, resetKey);
  const prev = same ? st.dom : null;
  const next =
    kind === 'log' ? stickyLogDomain(prev, data, opts) : stickyLinearDomain(prev, data, opts);
  if (!same || next !== st.dom) setSt({ key: resetKey, dom: next });
  return next;
}
