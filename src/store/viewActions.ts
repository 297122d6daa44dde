/**
 * Store writes that need no worker: view preferences and dismissals. The bridge hands them out with
 * its training commands, so panels and the header call actions and never write the store.
 */
import type { AppStore } from './store';
import type { ViewState } from './urlFields';

export function viewActions(store: AppStore) {
  return {
    /** Theme, large type, … (the URL follows). */
    setView(patch: Partial<ViewState>) {
      store.setState((s) => ({ view: { ...s.view, ...patch } }));
    },
    /** Loss chart on a log axis. */
    setLossLog(on: boolean) {
      store.setState({ lossLog: on });
    },
    /** Unit of the belt panel; null follows the unit with the largest |c| (or |h|). */
    setUnit(unit: number | null) {
      store.setState({ unit });
    },
    /** Keeps the lesson's settings but no longer names it (the picker shows none). */
    leaveLesson() {
      store.setState({ lesson: null });
    },
    dismissUrlProblems() {
      store.setState({ urlProblems: [] });
    },
    dismissNotice() {
      store.setState({ notice: null });
    },
  };
}
