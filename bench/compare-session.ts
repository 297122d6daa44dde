/**
 * What interleaving several runs in one session costs, without the page: one session trains one
 * LSTM (H = 64, T = 100, batch 32) at full speed, then four of them (three drawn 'light', as the
 * page asks for runs that are not picked), alternately, `rounds` times. Reports iterations per
 * second of wall time and per second of this process's CPU time: on a shared machine the CPU figure
 * is the fair one (the wall figure also counts waiting for a core).
 * Run: npx tsx bench/compare-session.ts [rounds] [seconds]
 */
import { DEFAULT_CONFIG } from '../src/worker/config';
import { createSession } from '../src/worker/trainer/session';

const rounds = Number(process.argv[2] ?? 3);
const seconds = Number(process.argv[3] ?? 8);
const config = { ...DEFAULT_CONFIG, cell: 'lstm' as const, H: 64, T: 100, batch: 32 };

async function measure(runs: number): Promise<{ wall: number; cpu: number; posts: number }> {
  let posts = 0;
  const s = createSession({ post: () => void posts++ });
  for (let r = 0; r < runs; r++) s.handle({ v: 1, type: 'init', runId: r, config });
  for (let r = 1; r < runs; r++)
    s.handle({ v: 1, type: 'setView', runId: r, seq: 0, detail: 'light' });
  s.handle({ v: 1, type: 'play' });
  await new Promise((res) => setTimeout(res, 1000)); // warm-up
  const i0 = s.trainerOf(0)!.iteration;
  const p0 = posts;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await new Promise((res) => setTimeout(res, seconds * 1000));
  const done = (s.trainerOf(0)!.iteration - i0) * runs;
  const c = process.cpuUsage(c0);
  const wallS = (performance.now() - t0) / 1000;
  s.dispose();
  return {
    wall: done / wallS,
    cpu: done / ((c.user + c.system) / 1e6),
    posts: (posts - p0) / wallS,
  };
}

const rows: string[] = [];
for (let k = 0; k < rounds; k++)
  for (const runs of [1, 4]) {
    const m = await measure(runs);
    rows.push(
      `${runs} run${runs > 1 ? 's' : ' '}  ${m.wall.toFixed(1).padStart(6)} it/s wall  ${m.cpu.toFixed(1).padStart(6)} it/s per CPU-second  ${m.posts.toFixed(0).padStart(4)} snapshots/s`,
    );
    console.log(rows.at(-1));
  }
