import { useEffect } from 'react';
import type { ViewState } from '../store/url';

/** Theme and large type live on <html> so CSS variables switch everywhere at once. */
export function useThemeAttributes(view: ViewState) {
  useEffect(() => {
    const root = document.documentElement;
    if (view.theme) root.dataset.theme = view.theme;
    else delete root.dataset.theme;
    if (view.large) root.dataset.large = '1';
    else delete root.dataset.large;
    if (view.embed) root.dataset.embed = '1';
    else delete root.dataset.embed;
  }, [view.theme, view.large, view.embed]);
}
