/** What the page shows of this cell: the classic cells' W_hh, hₜ rows and Memory controls. */
import { CLASSIC_PAGE } from '../classicPage';
import type { CellPage } from '../pageTypes';

export const PAGE: CellPage = CLASSIC_PAGE;
