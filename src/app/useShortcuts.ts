import { useEffect } from 'react';
import type { AppStore } from '../store/store';
import type { Bridge } from '../store/bridge';

/** Typing in a field must never start training. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  if (target.isContentEditable || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'range', 'button', 'submit'].includes(type);
}

/** Space = Play/Pause, → = Step, ? = help. Not while typing, not on focused buttons (Space clicks them). */
export function useShortcuts(store: AppStore, bridge: Bridge, onHelp: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      const onButton = e.target instanceof HTMLButtonElement;
      const status = store.getState().status;
      if (e.key === ' ' && !onButton && !(e.target instanceof HTMLInputElement)) {
        e.preventDefault();
        if (status === 'running') bridge.pause();
        else if (status === 'paused') bridge.play();
      } else if (e.key === 'ArrowRight' && !(e.target instanceof HTMLInputElement)) {
        if (status === 'paused') {
          e.preventDefault();
          bridge.step();
        }
      } else if (e.key === '?') {
        onHelp();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, bridge, onHelp]);
}
