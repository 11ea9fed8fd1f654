/**
 * The responsibility steps (责任事项) of an item drawn as a mermaid flowchart.
 */
import type { TDuty } from '@contracts/power-list.js';
import { Alert, Grid, Spin } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { buildDutyFlowchart, dutyLabel } from '../lib/duty-flowchart.js';
import { renderMermaidSvg } from '../lib/mermaid-renderer.js';

type RenderState = 'loading' | 'ready' | 'failed';

/** Flowchart of the duties: left-to-right on wide screens, top-down on phones. */
export function DutyFlowchart({ duties }: { duties: readonly TDuty[] }) {
  const screens = Grid.useBreakpoint();
  const direction = screens.md === false ? 'TD' : 'LR';
  const source = useMemo(() => buildDutyFlowchart(duties, direction), [duties, direction]);
  const svgHostRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<RenderState>('loading');
  const [renderedDirection, setRenderedDirection] = useState<string | null>(null);

  useEffect(() => {
    if (source === null) return;
    let isCancelled = false;
    setState('loading');
    renderMermaidSvg(source)
      .then((svg) => {
        const host = svgHostRef.current;
        if (isCancelled || !host) return;
        // The SVG comes from mermaid in strict mode; every label was entity-escaped beforehand.
        host.innerHTML = svg;
        setRenderedDirection(direction);
        setState('ready');
      })
      .catch(() => {
        if (!isCancelled) setState('failed');
      });
    return () => {
      isCancelled = true;
    };
  }, [source, direction]);

  if (source === null) return null;
  const summary = duties.map(dutyLabel).join(' → ');

  return (
    <div data-testid="duty-flowchart" data-state={state} data-direction={renderedDirection ?? undefined}>
      {state === 'loading' && (
        <div style={{ padding: 24, textAlign: 'center' }}>
          <Spin description="正在绘制流程图…" />
        </div>
      )}
      {state === 'failed' && <Alert type="warning" showIcon title="流程图暂时无法显示" description="各责任事项的完整内容见下方列表。" />}
      <div ref={svgHostRef} className="qz-flowchart" role="img" aria-label={`责任事项流程：${summary}`} hidden={state !== 'ready'} />
    </div>
  );
}
