import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './store';
import type { Bridge } from './bridge';

/** The only React-facing file of the store: panels read state through these hooks. */
export const StoreContext = createContext<{ store: AppStore; bridge: Bridge } | null>(null);

function useCtx() {
  const ctx = useContext(StoreContext);
  if (!ctx) throw new Error('StoreContext is missing: wrap the app in <StoreContext.Provider>');
  return ctx;
}

/** Select a primitive or a stored reference (never a freshly built object: zustand v5 would loop). */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(useCtx().store, selector);
}

export function useBridge(): Bridge {
  return useCtx().bridge;
}

export function useAppStore(): AppStore {
  return useCtx().store;
}
