/**
 * One table of what the transport buttons and the keyboard shortcuts do: label, key, when each is
 * available and what it runs. Buttons (panels/controls/Transport.tsx, panels/backward/WalkControls),
 * shortcuts (app/useShortcuts) and the shortcuts help (app/Help.tsx) all read it, so a key and its
 * button cannot drift apart. A key belongs to one mode (training, or the backward walk) or to both:
 * Space plays training, and in backward mode plays the walk; → steps training, and in backward mode
 * moves the walk forward again.
 */
import type { Bridge } from './bridge';
import { adjacentLesson, openLesson } from './lessonNav';
import type { AppState, Status } from './store';
import type { ViewMode } from './urlFields';

/** What the commands need to know of the page. */
export interface CommandState {
  status: Status;
  mode: ViewMode;
  /** The walk on screen (backward mode): its length (0 = none yet), step and autoplay. */
  walkT: number;
  walkStep: number;
  walkPlaying: boolean;
  /** The scan on screen (scan mode): its last level (−1 = none yet), level and autoplay. */
  scanDepth: number;
  scanLevel: number;
  scanPlaying: boolean;
  /** The open lesson's id, or null. */
  lesson: string | null;
}

/** The command state of the store (a fresh object: select it with useCommandState). */
export function commandState(s: AppState): CommandState {
  const d = s.walk.data;
  const sd = s.scan.data;
  const shown = d !== null && s.latest !== null && d.run === s.latest.run;
  return {
    status: s.status,
    mode: s.view.view,
    walkT: shown ? d.T : 0,
    walkStep: s.walk.step,
    walkPlaying: s.walk.playing,
    scanDepth: sd !== null && s.latest !== null && sd.run === s.latest.run ? sd.depth : -1,
    scanLevel: s.scan.level,
    scanPlaying: s.scan.playing,
    lesson: s.lesson,
  };
}

export interface CommandContext extends CommandState {
  bridge: Bridge;
  /** Opens the shortcuts help (absent in embeds, which have none). */
  openHelp?: () => void;
}

export type CommandId =
  | 'play'
  | 'step'
  | 'reset'
  | 'backward'
  | 'walkBack'
  | 'walkForward'
  | 'walkPlay'
  | 'walkStart'
  | 'scan'
  | 'scanPrev'
  | 'scanNext'
  | 'scanPlay'
  | 'scanStart'
  | 'prevLesson'
  | 'nextLesson'
  | 'help';

export interface Command {
  /** The key that runs it: KeyboardEvent.key, its aria-keyshortcuts name, and how help shows it. */
  key: { key: string; aria: string; shown: string } | null;
  /** The mode the key works in (the button works wherever it is shown and enabled). */
  keyMode: ViewMode | 'any';
  /** What it does, for the help. */
  does: string;
  label(s: CommandState): string;
  enabled(s: CommandState): boolean;
  run(ctx: CommandContext): void;
}

const live = (s: CommandState) => s.status === 'running' || s.status === 'paused';
const walking = (s: CommandState) => s.mode === 'backward' && s.walkT > 0;
const scanning = (s: CommandState) => s.mode === 'scan' && s.scanDepth > 0;

/** In the order the help lists them. */
export const COMMANDS: Readonly<Record<CommandId, Command>> = {
  play: {
    key: { key: ' ', aria: 'Space', shown: 'Space' },
    keyMode: 'train',
    does: 'Play / Pause (not while typing in a field)',
    label: (s) => (s.status === 'running' ? 'Pause' : 'Play'),
    // Nothing to play before the first snapshot; after a divergence, Reset first.
    enabled: (s) => s.status === 'running' || s.status === 'paused',
    // The backward walk is of the batch on screen: training leaves it (B brings it back).
    run: ({ bridge, status, mode }) => {
      if (status === 'running') return bridge.pause();
      if (mode === 'backward') bridge.setBackward(false);
      if (mode === 'scan') bridge.setScan(false);
      bridge.play();
    },
  },
  step: {
    key: { key: 'ArrowRight', aria: 'ArrowRight', shown: '→' },
    keyMode: 'train',
    does: 'One training step while paused',
    label: () => 'Step',
    enabled: (s) => s.status === 'paused',
    run: ({ bridge }) => bridge.step(),
  },
  reset: {
    key: null,
    keyMode: 'any',
    does: 'The run again from its seed; a running one keeps running',
    label: () => 'Reset',
    enabled: () => true,
    run: ({ bridge }) => bridge.reset(),
  },
  backward: {
    key: { key: 'b', aria: 'B', shown: 'B' },
    keyMode: 'any',
    does: 'Backward pass on or off: the gradient of the batch on screen, stepped back through time',
    label: () => 'Backward pass',
    enabled: live,
    run: ({ bridge, mode }) => bridge.setBackward(mode !== 'backward'),
  },
  walkBack: {
    key: { key: 'ArrowLeft', aria: 'ArrowLeft', shown: '←' },
    keyMode: 'backward',
    does: 'One step back, t → t − 1',
    label: () => 'Step back',
    enabled: (s) => walking(s) && s.walkStep > 1,
    run: ({ bridge }) => bridge.stepBack(),
  },
  walkForward: {
    key: { key: 'ArrowRight', aria: 'ArrowRight', shown: '→' },
    keyMode: 'backward',
    does: 'One step forward again, t → t + 1',
    label: () => 'Step forward',
    enabled: (s) => walking(s) && s.walkStep < s.walkT,
    run: ({ bridge }) => bridge.stepForward(),
  },
  walkPlay: {
    key: { key: ' ', aria: 'Space', shown: 'Space' },
    keyMode: 'backward',
    does: 'Step back by itself at the chosen pace, or stop',
    label: (s) => (s.walkPlaying ? 'Stop' : 'Autoplay'),
    enabled: walking,
    run: ({ bridge, walkPlaying }) => bridge.setWalkPlaying(!walkPlaying),
  },
  walkStart: {
    key: { key: 'Home', aria: 'Home', shown: 'Home' },
    keyMode: 'backward',
    does: 'Back to t = T, where the loss’s gradient enters',
    label: () => 'Restart at T',
    enabled: (s) => walking(s) && s.walkStep < s.walkT,
    run: ({ bridge, walkT }) => bridge.walkTo(walkT),
  },
  scan: {
    key: { key: 's', aria: 'S', shown: 'S' },
    keyMode: 'any',
    does: 'Parallel scan on or off: the batch on screen combined level by level (diagonal recurrences)',
    label: () => 'Parallel scan',
    enabled: live,
    run: ({ bridge, mode }) => bridge.setScan(mode !== 'scan'),
  },
  scanPrev: {
    key: { key: 'ArrowLeft', aria: 'ArrowLeft', shown: '←' },
    keyMode: 'scan',
    does: 'One level down the combine tree',
    label: () => 'Previous level',
    enabled: (s) => scanning(s) && s.scanLevel > 0,
    run: ({ bridge }) => bridge.previousLevel(),
  },
  scanNext: {
    key: { key: 'ArrowRight', aria: 'ArrowRight', shown: '→' },
    keyMode: 'scan',
    does: 'One level up: every node combines with the one 2^(ℓ−1) steps away',
    label: () => 'Next level',
    enabled: (s) => scanning(s) && s.scanLevel < s.scanDepth,
    run: ({ bridge }) => bridge.nextLevel(),
  },
  scanPlay: {
    key: { key: ' ', aria: 'Space', shown: 'Space' },
    keyMode: 'scan',
    does: 'Climb the levels by itself at the chosen pace, or stop',
    label: (s) => (s.scanPlaying ? 'Stop' : 'Autoplay'),
    enabled: scanning,
    run: ({ bridge, scanPlaying }) => bridge.setScanPlaying(!scanPlaying),
  },
  scanStart: {
    key: { key: 'Home', aria: 'Home', shown: 'Home' },
    keyMode: 'scan',
    does: 'Back to level 0, the pairs (a_t, b_t)',
    label: () => 'Back to the pairs',
    enabled: (s) => scanning(s) && s.scanLevel > 0,
    run: ({ bridge }) => bridge.scanTo(0),
  },
  prevLesson: {
    key: { key: '[', aria: '[', shown: '[' },
    keyMode: 'any',
    does: 'The previous lesson, in the order of the lesson list',
    label: () => 'Previous lesson',
    enabled: (s) => adjacentLesson(s.lesson, -1) !== undefined,
    run: ({ bridge, lesson }) => {
      const l = adjacentLesson(lesson, -1);
      if (l) openLesson(bridge, l);
    },
  },
  nextLesson: {
    key: { key: ']', aria: ']', shown: ']' },
    keyMode: 'any',
    does: 'The next lesson (from no lesson, the first)',
    label: () => 'Next lesson',
    enabled: (s) => adjacentLesson(s.lesson, 1) !== undefined,
    run: ({ bridge, lesson }) => {
      const l = adjacentLesson(lesson, 1);
      if (l) openLesson(bridge, l);
    },
  },
  help: {
    key: { key: '?', aria: '?', shown: '?' },
    keyMode: 'any',
    does: 'This help',
    label: () => '?',
    enabled: () => true,
    run: ({ openHelp }) => openHelp?.(),
  },
};

/** The command a key runs in this mode, if any. */
export function commandForKey(key: string, mode: ViewMode): Command | undefined {
  const k = key.length === 1 ? key.toLowerCase() : key;
  return Object.values(COMMANDS).find(
    (c) => c.key?.key === k && (c.keyMode === 'any' || c.keyMode === mode),
  );
}

/** The aria-keyshortcuts of a command's button in this mode (none when its key belongs elsewhere). */
export function ariaKeys(c: Command, mode: ViewMode): string | undefined {
  return c.key !== null && (c.keyMode === 'any' || c.keyMode === mode) ? c.key.aria : undefined;
}
