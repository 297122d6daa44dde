import { useState } from 'react';
import {
  stickyLinearDomain,
  stickyLogDomain,
  type Columns,
  type Domain,
  type LogDomainOptions,
} from '../charts/scales';

/**
 * Axis domains that grow by whole decades and never jump back every frame; they start afresh only
 * when `resetKey` changes (a new run, another cell). The remembered domain is state adjusted during
 * render (React's pattern for values derived from the previous render); it changes only when the
 * domain grows, so it settles at once.
 */
export function useStickyDomain(
  kind: 'log' | 'linear',
  data: Columns,
  resetKey: string,
  includeZero = false,
  logOptions: LogDomainOptions = {},
): Domain {
  const [kept, setKept] = useState<{ key: string; domain: Domain } | null>(null);
  const start = kept && kept.key === resetKey ? kept.domain : null;
  const domain =
    kind === 'log'
      ? stickyLogDomain(start, data, logOptions)
      : stickyLinearDomain(start, data, { includeZero });
  if (!start || start[0] !== domain[0] || start[1] !== domain[1])
    setKept({ key: resetKey, domain });
  return domain;
}
