/**
 * One table of what the transport buttons and the keyboard shortcuts do: label, key, when each is
 * available and what it runs. Buttons (panels/controls/Transport.tsx), shortcuts (app/useShortcuts)
 * and the shortcuts help (app/Help.tsx) all read it, so a key and its button cannot drift apart.
 */
import type { Bridge } from './bridge';
import type { Status } from './store';

export interface CommandContext {
  bridge: Bridge;
  status: Status;
  /** Opens the shortcuts help (absent in embeds, which have none). */
  openHelp?: () => void;
}

export type CommandId = 'play' | 'step' | 'reset' | 'help';

export interface Command {
  /** The key that runs it: KeyboardEvent.key, its aria-keyshortcuts name, and how help shows it. */
  key: { key: string; aria: string; shown: string } | null;
  /** What it does, for the help. */
  does: string;
  label(status: Status): string;
  enabled(status: Status): boolean;
  run(ctx: CommandContext): void;
}

/** In the order the help lists them. */
export const COMMANDS: Readonly<Record<CommandId, Command>> = {
  play: {
    key: { key: ' ', aria: 'Space', shown: 'Space' },
    does: 'Play / Pause (not while typing in a field)',
    label: (s) => (s === 'running' ? 'Pause' : 'Play'),
    // Nothing to play before the first snapshot; after a divergence, Reset first.
    enabled: (s) => s === 'running' || s === 'paused',
    run: ({ bridge, status }) => (status === 'running' ? bridge.pause() : bridge.play()),
  },
  step: {
    key: { key: 'ArrowRight', aria: 'ArrowRight', shown: '→' },
    does: 'One training step while paused',
    label: () => 'Step',
    enabled: (s) => s === 'paused',
    run: ({ bridge }) => bridge.step(),
  },
  reset: {
    key: null,
    does: 'The run again from its seed; a running one keeps running',
    label: () => 'Reset',
    enabled: () => true,
    run: ({ bridge }) => bridge.reset(),
  },
  help: {
    key: { key: '?', aria: '?', shown: '?' },
    does: 'This help',
    label: () => '?',
    enabled: () => true,
    run: ({ openHelp }) => openHelp?.(),
  },
};
