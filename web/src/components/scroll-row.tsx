/**
 * A sideways-scrolling row (the category chips on a phone) whose right edge fades while more lies
 * beyond it, so people see that it scrolls.
 */
import { type ReactNode, useEffect, useRef, useState } from 'react';

/** The row; `data-more` tells tests and styles whether content is hidden to the right. */
export function ScrollRow({ children, testId }: { children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [hasMore, setHasMore] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => setHasMore(element.scrollLeft + element.clientWidth < element.scrollWidth - 2);
    update();
    element.addEventListener('scroll', update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', update);
      observer.disconnect();
    };
  }, []);
  return (
    <div ref={ref} className={hasMore ? 'qz-scroll-row qz-scroll-more' : 'qz-scroll-row'} data-more={hasMore} data-testid={testId}>
      {children}
    </div>
  );
}
