import { useEffect } from 'react';

/** Each page names itself in the browser tab and for screen readers: "Programs · Cairn". */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Cairn`;
  }, [title]);
}
