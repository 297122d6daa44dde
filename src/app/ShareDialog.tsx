import { useMemo } from 'react';
import { qrPath } from './qr';
import './share.css';

/** The link, whether it reached the clipboard, and its QR code for phones in the room. */
export function ShareDialogBody({ link, copied }: { link: string; copied: boolean | null }) {
  const qr = useMemo(() => qrPath(link), [link]);
  return (
    <div className="share-dialog">
      <p role="status" className="share-status">
        {copied === true
          ? 'Link copied to the clipboard.'
          : copied === false
            ? 'The clipboard is not available here: copy the link below.'
            : 'Copying the link…'}
      </p>
      <label className="field">
        <span>Link to this setup</span>
        <input readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      </label>
      {qr === null ? (
        <p className="hint">This link is too long for a QR code.</p>
      ) : (
        <figure className="share-qr">
          {/* Dark on white in both themes: scanners expect it, and the white margin is the quiet zone. */}
          <svg
            viewBox={`0 0 ${qr.size} ${qr.size}`}
            role="img"
            aria-label="QR code of the link to this setup"
            shapeRendering="crispEdges"
            data-modules={qr.modules}
          >
            <rect width={qr.size} height={qr.size} fill="#fff" />
            <path d={qr.d} fill="#000" />
          </svg>
          <figcaption className="hint">Scan it to open the same setup on a phone.</figcaption>
        </figure>
      )}
    </div>
  );
}
