/** Tiny helpers to read static markup in tests (no DOM in the node environment). */

/** Every value of attribute `name` on elements with tag `tag`, in document order. */
export function attrs(html: string, tag: string, name: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${tag}\\b[^>]*>`, 'g');
  for (const m of html.matchAll(re)) {
    const a = new RegExp(`\\s${name}="([^"]*)"`).exec(m[0]);
    if (a) out.push(a[1] as string);
  }
  return out;
}

/** Opening tags of elements `tag` whose class attribute contains `cls`. */
export function withClass(html: string, tag: string, cls: string): string[] {
  const re = new RegExp(`<${tag}\\b[^>]*class="[^"]*\\b${cls}\\b[^"]*"[^>]*>`, 'g');
  return [...html.matchAll(re)].map((m) => m[0]);
}

/** Attribute value in one opening tag. */
export function attr(tagText: string, name: string): string | null {
  const a = new RegExp(`\\s${name}="([^"]*)"`).exec(tagText);
  return a ? (a[1] as string) : null;
}

/** Text content of every <text> element. */
export function texts(html: string): string[] {
  return [...html.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1] as string));
}

/** Decodes the few entities React writes. */
export function decode(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
