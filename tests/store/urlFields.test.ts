import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { APP_CELL_IDS, APP_INIT_KINDS } from '../../src/engine/cells/catalog';
import { TASK_IDS } from '../../src/engine/tasks/catalog';
import { CONFIG_KEYS, FIELDS } from '../../src/store/urlFields';
import { DEFAULT_CONFIG, LIMITS, TrainConfigSchema } from '../../src/worker/config';

describe('the link readers come from the config schema', () => {
  it('every config key has a reader, in the schema order, with the schema’s choices and ranges', () => {
    expect(CONFIG_KEYS).toEqual(Object.keys(TrainConfigSchema.entries));
    // The cells the page trains and draws, and their initializations.
    expect(FIELDS.cell.choices).toEqual(APP_CELL_IDS);
    expect(FIELDS.task.choices).toEqual(TASK_IDS);
    expect(FIELDS.init.choices).toEqual(APP_INIT_KINDS);
    for (const [key, r] of Object.entries(LIMITS)) {
      const range = FIELDS[key as keyof typeof LIMITS].range;
      expect({ min: range?.min, max: range?.max }, key).toEqual(r);
    }
    expect(FIELDS.T.range?.integer).toBe(true);
    expect(FIELDS.lr.range?.integer).toBe(false);
    expect(v.is(TrainConfigSchema, DEFAULT_CONFIG)).toBe(true);
  });

  it('whatever a link reader accepts, the worker’s schema accepts too', () => {
    const raw = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.double({ noNaN: true }).map(String),
      fc.integer({ min: -5, max: 5000 }).map(String),
      fc.constantFrom('off', 'full', 'LSTM', 'adding', 'orthogonal', '1e+2', '-0'),
    );
    fc.assert(
      fc.property(fc.constantFrom(...CONFIG_KEYS), raw, (key, text) => {
        const r = FIELDS[key].parse(text);
        if (r.ok)
          expect(v.is(TrainConfigSchema.entries[key], r.value), `${key}=${text}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
