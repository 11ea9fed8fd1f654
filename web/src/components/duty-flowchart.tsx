/**
 * The procedure of an item drawn as a mermaid flowchart: the template its cases run through, with
 * the list's duty numbers on the steps — the same steps the case engine enforces. Falls back to the
 * list's duties alone for an earlier version or an item no template fits.
 */
import type { TDuty } from '@contracts/power-list.js';
import { Alert, Grid, Spin } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useProcedure } from '../hooks/use-procedures.js';
import { buildDutyFlowchart, buildProcedureFlowchart, dutyLabel } from '../lib/duty-flowchart.js';
import { renderMermaidSvg } from '../lib/mermaid-renderer.js';

type RenderState = 'loading' | 'ready' | 'failed';

/** Flowchart of the procedure (or the duties): left-to-right on wide screens, top-down on phones. */
export function DutyFlowchart({ duties, procedureItemNo = null }: { duties: readonly TDuty[]; procedureItemNo?: number | null }) {
  const screens = Grid.useBreakpoint();
  const direction = screens.md === false ? 'TD' : 'LR';
  const procedure = useProcedure(procedureItemNo);
  const waiting = procedureItemNo !== null && procedure.isPending;
  const source = useMemo(() => {
    if (waiting) return null;
    if (procedure.data) return buildProcedureFlowchart(procedure.data, direction);
    return buildDutyFlowchart(duties, direction);
  }, [duties, direction, procedure.data, waiting]);
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

  if (source === null) return waiting ? <Spin description="正在读取办理程序…" /> : null;
  const summary = procedure.data ? procedure.data.steps.map((s) => s.name).join(' → ') : duties.map(dutyLabel).join(' → ');

  return (
    <div
      data-testid="duty-flowchart"
      data-state={state}
      data-source={procedure.data ? 'procedure' : 'duties'}
      data-direction={renderedDirection ?? undefined}
    >
      {state === 'loading' && (
        <div style={{ padding: 24, textAlign: 'center' }}>
          <Spin description="正在绘制流程图…" />
        </div>
      )}
      {state === 'failed' && <Alert type="warning" showIcon title="流程图暂时无法显示" description="各责任事项的完整内容见下方列表。" />}
      <div ref={svgHostRef} className="qz-flowchart" role="img" aria-label={`办理流程：${summary}`} hidden={state !== 'ready'} />
      {procedure.data && state === 'ready' && (
        <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12, marginTop: 4 }}>
          按“{procedure.data.template.title}”程序办理；虚线框为清单未列、按标准程序补全的环节，数字为清单中责任事项的序号。
        </div>
      )}
    </div>
  );
}
