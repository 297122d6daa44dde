/** The shape of a lesson preset (index.ts lists them). */
import type { TrainConfig } from '../../worker/config';
import type { ControlId, PanelId, ViewMode } from '../urlFields';
import type { Expectation } from './expect';

export interface Lesson {
  /** Stable id, used in links (`lesson=`). Never rename one: old links would lose it. */
  readonly id: string;
  readonly title: string;
  /** Two sentences of plain guidance. */
  readonly guidance: string;
  /** Applied over DEFAULT_CONFIG, so every lesson sets the whole config. */
  readonly config: Readonly<Partial<TrainConfig>>;
  /**
   * Embed hints: panels and controls shown when the link does not choose (url.ts shownPanels);
   * `mode` is what the lesson opens in (its link's baseline `view=`; default training).
   */
  readonly view?: {
    readonly panels?: readonly PanelId[];
    readonly controls?: readonly ControlId[];
    readonly mode?: ViewMode;
  };
  /**
   * A comparison: runs B, C, D as changes to `config` (every run shares its task, T, batch and
   * seed). Expectations then see every run (Expectation.check's `runs`).
   */
  readonly compare?: readonly Readonly<Partial<TrainConfig>>[];
  /** How many iterations the lesson is about: its expectations are all decided by then. */
  readonly iterations: number;
  /** What you should see, checked against the run (1–3 of them). */
  readonly expect: readonly Expectation[];
  /**
   * What the lesson's phenomenon is caused by: `change` (over `config`; for a comparison, over
   * every run) removes it, and then each expectation named in `expectations` must end ✘ or stay
   * undecided (tests/lessons/*.test.ts, lessonNeedsItsCause). `says` names the cause in a sentence.
   */
  readonly cause: {
    readonly change: Readonly<Partial<TrainConfig>>;
    readonly says: string;
    readonly expectations: readonly string[];
  };
}
