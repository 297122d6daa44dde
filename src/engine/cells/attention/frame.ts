/** Attention's snapshot frame: α of the shown sequence (no decays, nothing carried back). */
import { attentionFrame, NO_FRAME, type CellFrame } from '../../family/frame';

export const frame: CellFrame = (_model, tr, seq) => ({
  ...NO_FRAME,
  alpha: attentionFrame(tr, seq),
});
