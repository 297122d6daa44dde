/**
 * What code outside src/engine/cells/ may not compare or name (eslint.config.js): a cell's id (ask
 * its descriptor or its page data, src/engine/cells/catalog.ts cellInfo and cellPage) and a cell's
 * parameter name (ask CellInfo.recurrent, recurrentMatrix, or the cell's own folder).
 * tests/architecture/cellTags.test.ts checks these lists against the registry, so a new cell is
 * added here too or that test fails.
 */
export const CELL_IDS = ['linear', 'rnn', 'relu', 'lstm', 'gru', 'lru', 'rglru', 's6', 'attention'];

/**
 * Every parameter name a cell declares except S6's one-letter `D` (a literal 'D' is also the
 * fourth run's letter).
 */
export const CELL_PARAM_NAMES = [
  'weight_ih_l0',
  'weight_hh_l0',
  'bias_ih_l0',
  'bias_hh_l0',
  'nu_log',
  'theta_log',
  'gamma_log',
  'B_re',
  'B_im',
  'input.weight',
  'input.bias',
  'gate_x.weight',
  'gate_x.bias',
  'gate_a.weight',
  'gate_a.bias',
  'a_param',
  'A_log',
  'dt.weight',
  'dt.bias',
  'B.weight',
  'C.weight',
  'attn.in_proj_weight',
  'attn.in_proj_bias',
  'attn.out_proj.weight',
  'attn.out_proj.bias',
];

const escape = (s) => s.replace(/[.]/g, '\\.');
const anyOf = (xs) => `/^(${xs.map(escape).join('|')})$/`;

/** no-restricted-syntax entries: an id compared (===, !==, case, includes) or a parameter named. */
export const CELL_TAG_SELECTORS = [
  {
    selector: `BinaryExpression[operator=/^[!=]==?$/] > Literal[value=${anyOf(CELL_IDS)}]`,
    message:
      'Do not compare a cell id outside src/engine/cells/: read the descriptor (cellInfo, cellHas) or the cell page (cellPage) instead.',
  },
  {
    selector: `SwitchCase > Literal.test[value=${anyOf(CELL_IDS)}]`,
    message:
      'Do not switch on a cell id outside src/engine/cells/: give the cells a field (descriptor or page.ts) or a table typed satisfies Record<CellKind, …>.',
  },
  {
    selector: `CallExpression[callee.property.name='includes'] > Literal[value=${anyOf(CELL_IDS)}]`,
    message: 'Do not test a list of cell ids outside src/engine/cells/: read the descriptor.',
  },
  {
    selector: `Literal[value=${anyOf(CELL_PARAM_NAMES)}]`,
    message:
      'A cell parameter name is the cell’s own business: outside src/engine/cells/ use recurrentParams, recurrentMatrix or CLASSIC_PARAM.',
  },
];
