/** React reads of the prediction stores (store/predictRecord.ts, store/predictTracker.ts). */
import { useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { useAppStore } from '../../store/hooks';
import { predictStore } from '../../store/predictRecord';
import type { PredictEntry, PredictRecord } from '../../store/predictRecord';
import { loadedQuestions, onQuestionsLoaded, predictionTracker } from '../../store/predictTracker';
import type { Questions } from '../../store/predictTracker';
import type { PredictionState } from '../../store/lessons/predictions';

const EMPTY: PredictEntry = {};

export function usePredictEntry(lesson: string): PredictEntry {
  return useStore(predictStore, (s) => s.record[lesson] ?? EMPTY);
}

export function usePredictRecord(): PredictRecord {
  return useStore(predictStore, (s) => s.record);
}

/** The open lesson's question as the run has decided it (null while undecided). */
export function useDecided(): PredictionState | null {
  return useStore(predictionTracker(useAppStore()), (s) => s.decided);
}

/** The lessons' questions once their chunk is here (null before; the tracker asks for it). */
export function useQuestions(): Questions | null {
  return useSyncExternalStore(onQuestionsLoaded, loadedQuestions, loadedQuestions);
}
