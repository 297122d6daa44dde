import { useEffect, useRef, type ReactNode } from 'react';

/** A modal <dialog>: focus moves in, Escape closes, focus returns to the opener. */
export function Dialog({
  title,
  open,
  onClose,
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal?.();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-label={title} onClose={onClose} onCancel={onClose}>
      <div className="dialog-head">
        <h2>{title}</h2>
        <button className="btn" onClick={onClose} aria-label="Close">
          Close
        </button>
      </div>
      {open && children}
    </dialog>
  );
}
