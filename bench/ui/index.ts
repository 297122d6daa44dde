/**
 * `npm run bench:ui`: the browser benchmarks, one mode per run.
 *   --mode fps     (default) frames per second while training (fps.ts)
 *   --mode load    navigation → first chart drawn, CPU throttled 4× (load.ts)
 *   --mode slider  how long each "Spectral radius" move takes to change the gradient readout (slider.ts)
 *   --mode compare fps and iterations per second of N runs side by side against one (compare.ts)
 */
import { flag } from './common';

const mode = flag('mode') ?? 'fps';
if (mode === 'fps') await import('./fps');
else if (mode === 'load') await (await import('./load')).main();
else if (mode === 'slider') await (await import('./slider')).main();
else if (mode === 'compare') await (await import('./compare')).main();
else throw new Error(`--mode must be fps, load, slider or compare, got ${mode}`);
