import { memo, useMemo } from 'react';
import katex from 'katex';
import 'katex/dist/katex.min.css';

function tex(src: string): string {
  // throwOnError false: a typo in an equation shows red source instead of taking the page down.
  return katex.renderToString(src, {
    displayMode: true,
    throwOnError: false,
    output: 'htmlAndMathml',
  });
}

/**
 * Typeset display equations. KaTeX (its code, style sheet and fonts) is the largest library on the
 * page and only this below-the-fold panel uses it, so this module is its own chunk (ExplainPanel
 * loads it lazily).
 */
const Equations = memo(function Equations({ sources }: { sources: readonly string[] }) {
  const html = useMemo(() => sources.map(tex), [sources]);
  return html.map((h, k) => <div key={k} dangerouslySetInnerHTML={{ __html: h }} />);
});
export default Equations;
