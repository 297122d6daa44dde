import type { ComponentProps } from 'react';

/** A lazily loaded panel's stand-in while its chunk loads: its heading and "Loading…". */
export function LoadingPanel({ title, ...section }: { title: string } & ComponentProps<'section'>) {
  return (
    <section aria-busy="true" {...section}>
      <h2>{title}</h2>
      <p className="chart-empty">Loading…</p>
    </section>
  );
}
