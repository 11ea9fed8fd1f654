/**
 * Small pieces the case pages share: deadline cards (黄牌/红牌) with their explanation, the list's
 * clause a refusal or finding quotes, case status tags.
 */
import { ClockCircleOutlined } from '@ant-design/icons';
import type { TCaseDeadline, TRefusal } from '@contracts/cases.js';
import { Popover, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';

const { Text } = Typography;

type ClauseRef = NonNullable<TRefusal['clause']>;

/** `2026-10-09` → `10月9日` (this year) or `2027年1月5日`. */
export function shortDay(day: string, today: string = new Date().toISOString().slice(0, 10)): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!match) return day;
  const [, y, m, d] = match;
  const md = `${Number(m)}月${Number(d)}日`;
  return y === today.slice(0, 4) ? md : `${y}年${md}`;
}

const STATE_LABELS: Record<TCaseDeadline['state'], string> = { running: '计时中', met: '已按期完成', missed: '已超期', stopped: '已中止' };

/** What a deadline card says: 红牌 overdue, 黄牌 due soon, or just the due day. */
function cardText(deadline: TCaseDeadline): string {
  const left = deadline.remainingWorkingDays;
  if (deadline.card === 'red') return left !== null && left < 0 ? `红牌 · 超期 ${-left} 个工作日` : '红牌 · 今日到期';
  if (deadline.card === 'yellow') return left !== null ? `黄牌 · 剩 ${left} 个工作日` : '黄牌 · 即将到期';
  if (deadline.due) return `${shortDay(deadline.due)}到期`;
  return deadline.calendarComplete ? '到期日待定' : `缺${deadline.missingYears.join('、')}年日历，到期日待定`;
}

/** The deadline's explanation: how the due day was counted, which days were skipped and why. */
export function DeadlineExplanation({ deadline }: { deadline: TCaseDeadline }) {
  return (
    <div style={{ maxWidth: 380 }} data-testid="deadline-explanation">
      <div className="qz-prose" style={{ marginBottom: 6 }}>
        {deadline.explanation}
      </div>
      {deadline.skipped.length > 0 && (
        <>
          <Text type="secondary" style={{ fontSize: 12 }}>
            不计入的日期：
          </Text>
          <ul style={{ margin: '2px 0 6px', paddingLeft: 18, fontSize: 12, maxHeight: 180, overflow: 'auto' }}>
            {deadline.skipped.map((day) => (
              <li key={day.date}>
                {day.date} {day.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {!deadline.calendarComplete && (
        <Text type="danger" style={{ fontSize: 12, display: 'block' }}>
          日历数据缺失：{deadline.missingYears.join('、')}年的节假日安排尚未导入，到期日无法确定。
        </Text>
      )}
      <Text type="secondary" style={{ fontSize: 12 }}>
        依据：{deadline.source}
      </Text>
    </div>
  );
}

/** A deadline as a tag — 红牌, 黄牌 or its due day — whose explanation opens on click. */
export function DeadlineBadge({ deadline, withLabel = false }: { deadline: TCaseDeadline; withLabel?: boolean }) {
  const color =
    deadline.card === 'red'
      ? 'red'
      : deadline.card === 'yellow'
        ? 'gold'
        : deadline.state === 'running' && !deadline.calendarComplete
          ? 'orange'
          : deadline.state === 'running'
            ? 'blue'
            : 'default';
  const text = deadline.state === 'running' ? cardText(deadline) : STATE_LABELS[deadline.state];
  return (
    <Popover title={`${deadline.label}：如何计算`} content={<DeadlineExplanation deadline={deadline} />} trigger="click">
      <Tag
        color={color}
        icon={<ClockCircleOutlined />}
        style={{ cursor: 'pointer', marginInlineEnd: 0 }}
        data-testid="deadline-badge"
        data-card={deadline.card}
      >
        {withLabel ? `${deadline.label}：` : ''}
        {text}
      </Tag>
    </Popover>
  );
}

/** The list's own clause: 追责情形第N条：text, then 追责依据. */
export function ClauseText({ clause, gap }: { clause: ClauseRef | null; gap: boolean }): ReactNode {
  if (!clause) {
    return (
      <Text type="secondary" data-testid="clause-gap">
        {gap ? '本事项清单未列出与此对应的追责情形（清单缺口）。' : '未关联清单追责情形。'}
      </Text>
    );
  }
  return (
    <div data-testid="clause">
      <div>
        <Text type="secondary">{clause.no !== null ? `追责情形第${clause.no}条：` : '追责情形：'}</Text>
        <span className="qz-prose">{clause.text}</span>
        {clause.isFallback && (
          <Tag style={{ marginInlineStart: 6 }} color="default">
            按“违反法定程序”条款
          </Tag>
        )}
      </div>
      {clause.basis && (
        <div>
          <Text type="secondary">追责依据：</Text>
          {clause.basis}
        </div>
      )}
    </div>
  );
}

/** 办理中 / 已办结（outcome）. */
export function CaseStatusTag({ status, outcome }: { status: 'open' | 'closed'; outcome: string | null }) {
  if (status === 'open') return <Tag color="processing">办理中</Tag>;
  return <Tag color="default">{outcome ? `已办结 · ${outcome}` : '已办结'}</Tag>;
}
