/**
 * A QR code as an SVG path, from qrcode-generator (only the share dialog's lazy chunk imports this
 * file, so the library never weighs on the first load).
 */
import qrcode from 'qrcode-generator';

/** Modules of light margin around the code: the quiet zone scanners need (ISO/IEC 18004: 4). */
export const QUIET_ZONE = 4;

export interface QrPath {
  /** Side of the code in modules, quiet zone included. */
  size: number;
  /** One `M x y h w v1 h-w z` rectangle per horizontal run of dark modules. */
  d: string;
  /** The code's own side in modules (21 for version 1, 4 more per version). */
  modules: number;
}

/**
 * The code of `text` at error-correction level M (15 % of it may be unreadable: a projector's glare,
 * a phone held at an angle), or null when the text is too long for any QR version.
 * The text is read as bytes of its characters; a URL's `href` is ASCII (percent-encoded, punycode).
 */
export function qrPath(text: string): QrPath | null {
  const qr = qrcode(0, 'M');
  try {
    qr.addData(text, 'Byte');
    qr.make();
  } catch {
    return null;
  }
  const n = qr.getModuleCount();
  const parts: string[] = [];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n;) {
      if (!qr.isDark(r, c)) {
        c++;
        continue;
      }
      let w = 1;
      while (c + w < n && qr.isDark(r, c + w)) w++;
      parts.push(`M${c + QUIET_ZONE} ${r + QUIET_ZONE}h${w}v1h-${w}z`);
      c += w;
    }
  }
  return { size: n + 2 * QUIET_ZONE, d: parts.join(''), modules: n };
}
