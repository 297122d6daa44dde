/** Types of eslint.cellTags.js (read by tests/architecture/cellTags.test.ts). */
export declare const CELL_IDS: readonly string[];
export declare const CELL_PARAM_NAMES: readonly string[];
export declare const CELL_TAG_SELECTORS: readonly { selector: string; message: string }[];
