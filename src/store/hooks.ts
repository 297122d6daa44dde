import { createContext, useContext, useDeferredValue } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { commandState, type CommandState } from './commands';
import type { AppState, AppStore } from './store';
import type { Bridge } from './bridge';

/** The only React-facing file of the store: panels read state through these hooks. */
export const StoreContext = createContext<{ store: AppStore; bridge: Bridge } | null>(null);

function useCtx() {
  const ctx = useContext(StoreContext);
  if (!ctx) throw new Error('StoreContext is missing: wrap the app in <StoreContext.Provider>');
  return ctx;
}

/**
 * True around panels whose reads may trail the store by one render: React draws the new state there
 * in a background render after the frame that painted the rest. shell/Panels.tsx sets it for the
 * panels below the hero until the first snapshot is on screen, so that first chart does not wait
 * for every other chart's first render.
 */
export const DeferReads = createContext(false);

const NOT_DEFERRED = {};

/** Select a primitive or a stored reference (never a freshly built object: zustand v5 would loop). */
export function useApp<T>(selector: (s: AppState) => T): T {
  const value = useStore(useCtx().store, selector);
  const defer = useContext(DeferReads);
  // A constant when not deferring, so React schedules no background render for it.
  const deferred = useDeferredValue<unknown>(defer ? value : NOT_DEFERRED);
  return defer && deferred !== NOT_DEFERRED ? (deferred as T) : value;
}

export function useBridge(): Bridge {
  return useCtx().bridge;
}

export function useAppStore(): AppStore {
  return useCtx().store;
}

/** What the transport buttons and shortcuts need (store/commands.ts), compared field by field. */
export function useCommandState(): CommandState {
  return useStore(useCtx().store, useShallow(commandState));
}
