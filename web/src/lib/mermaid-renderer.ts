/**
 * Lazy mermaid: the library (~3 MB) is fetched on the first flowchart and configured once, in
 * `strict` security mode so that labels cannot carry markup or scripts.
 */
import type { Mermaid } from 'mermaid';

let mermaidPromise: Promise<Mermaid> | null = null;
let renderCounter = 0;

function loadMermaid(): Promise<Mermaid> {
  mermaidPromise ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: 'base',
      fontFamily: "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', sans-serif",
      themeVariables: {
        fontSize: '15px',
        primaryColor: '#e6f4ff',
        primaryBorderColor: '#1677ff',
        primaryTextColor: '#002c8c',
        lineColor: '#8c8c8c',
      },
      flowchart: { curve: 'basis', nodeSpacing: 32, rankSpacing: 40, padding: 16, useMaxWidth: true },
    });
    return mermaid;
  });
  return mermaidPromise;
}

/** Renders mermaid source to an SVG string (sanitised by mermaid's strict mode). */
export async function renderMermaidSvg(source: string): Promise<string> {
  const mermaid = await loadMermaid();
  renderCounter += 1;
  const { svg } = await mermaid.render(`qz-mermaid-${renderCounter}`, source);
  return svg;
}
