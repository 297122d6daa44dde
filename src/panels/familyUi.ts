/**
 * What the page draws, computes or says only for the newer families, in one chunk loaded when a
 * family's snapshot first arrives (lazyFamily.tsx). One entry point, not one per panel: every
 * chunk boundary costs first-load bytes in the modules the page and the chunk share.
 */
export { FamilySpectrumPanel } from './FamilySpectrumPanel';
export { AttentionArcs } from '../charts/AttentionArcs';
export { familyRefs } from './familyRefs';
export { familyBeltText } from './familyBeltText';
