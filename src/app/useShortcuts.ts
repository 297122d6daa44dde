import { useEffect } from 'react';
import type { AppStore } from '../store/store';
import type { Bridge } from '../store/bridge';
import { commandForKey, commandState } from '../store/commands';

/** Typing in a field must never start training. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  if (target.isContentEditable || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'range', 'button', 'submit'].includes(type);
}

/** Keys a focused control uses itself: Space clicks a button or ticks a box, arrows move a slider. */
function ownKey(target: EventTarget | null, key: string): boolean {
  if (target instanceof HTMLInputElement)
    return key === ' ' || key.startsWith('Arrow') || key === 'Home' || key === 'End';
  if (target instanceof HTMLButtonElement) return key === ' ';
  return false;
}

/**
 * The keys of store/commands.ts (Space, →, ←, B, Home, ?), each in its mode, not while typing and
 * not on a control's own keys.
 */
export function useShortcuts(store: AppStore, bridge: Bridge, openHelp: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      if (ownKey(e.target, e.key)) return;
      const state = commandState(store.getState());
      const c = commandForKey(e.key, state.mode);
      if (c === undefined) return;
      // Ours even when unavailable: Space must not scroll the page while Play is disabled.
      e.preventDefault();
      if (c.enabled(state)) c.run({ ...state, bridge, openHelp });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, bridge, openHelp]);
}
