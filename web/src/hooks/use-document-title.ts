/**
 * Sets the browser tab title for a page.
 */
import { useEffect } from 'react';

const SITE_NAME = '权责清单 · Quanze';

/** `title` — 权责清单 · Quanze while mounted; the site name alone for a null title. */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} — ${SITE_NAME}` : SITE_NAME;
  }, [title]);
}
