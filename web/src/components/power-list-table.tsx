/**
 * The table of a list's items: 序号, 权力分类, 项目名称 (with search snippets), 责任事项, 提示.
 */
import { WarningOutlined } from '@ant-design/icons';
import type { TDuty } from '@contracts/power-list.js';
import { Badge, Grid, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { Link } from 'react-router';
import { useSession } from '../hooks/use-session.js';
import { dutyShortName, isOtherDuty } from '../lib/duty-flowchart.js';
import { fieldLabel } from '../lib/labels.js';
import { CategoryTag } from './category-tag.js';
import { HighlightedText } from './highlighted-text.js';

const { Text } = Typography;

/** One row: an item, its finding count and, for search results, where the query matched. */
export interface PowerListRow {
  no: number;
  category: string;
  name: string;
  subItem: string | null;
  /** null when only a search hit is known for the item */
  duties: readonly TDuty[] | null;
  findingCount: number;
  matches: ReadonlyArray<{ field: string; snippet: string }>;
}

/** Props of {@link PowerListTable}. */
export interface PowerListTableProps {
  rows: readonly PowerListRow[];
  /** the search query to highlight, if any */
  query?: string | null;
  /** link items to this version instead of the current one */
  versionNo?: number | null;
  loading?: boolean;
  emptyText?: ReactNode;
}

function itemHref(no: number, versionNo: number | null | undefined): string {
  return versionNo ? `/items/${no}?version=${versionNo}` : `/items/${no}`;
}

function DutyTags({ duties, query }: { duties: readonly TDuty[]; query?: string | null }) {
  return (
    <Space size={[4, 4]} wrap>
      {duties.map((duty, index, all) => (
        <Tag
          // biome-ignore lint/suspicious/noArrayIndexKey: duties are positional entries of one cell
          key={index}
          variant={isOtherDuty(duty, index, all) ? 'outlined' : 'filled'}
          style={{ marginInlineEnd: 0, fontSize: 12 }}
        >
          <HighlightedText text={dutyShortName(duty) ?? `第${duty.no ?? index + 1}项`} query={query} />
        </Tag>
      ))}
    </Space>
  );
}

function FindingBadge({ count }: { count: number }) {
  if (count === 0) return <Text type="secondary">—</Text>;
  return (
    <Tooltip title={`本事项有 ${count} 条校验提示，详见事项页面`}>
      <Badge count={count} size="small" color="#fa8c16" offset={[4, -2]} data-testid="finding-badge">
        <WarningOutlined style={{ fontSize: 18, color: '#fa8c16' }} aria-label={`${count} 条校验提示`} />
      </Badge>
    </Tooltip>
  );
}

/** Items table; on phones the category moves into the name column and the duties are hidden. */
export function PowerListTable({ rows, query, versionNo, loading, emptyText }: PowerListTableProps) {
  const screens = Grid.useBreakpoint();
  const isNarrow = screens.md === false;
  // The linter's findings are the maintainers' to-do list, not the public's: only accounts that may
  // check the list see the column.
  const showFindings = useSession().can('powerlist.lint');

  const columns: TableColumnsType<PowerListRow> = [
    { title: '序号', dataIndex: 'no', width: 64, align: 'center' },
    {
      title: '权力分类',
      dataIndex: 'category',
      width: 120,
      responsive: ['md'],
      render: (category: string) => <CategoryTag category={category} />,
    },
    {
      title: '项目名称',
      dataIndex: 'name',
      render: (_: string, row) => (
        <div>
          {isNarrow && (
            <div style={{ marginBottom: 4 }}>
              <CategoryTag category={row.category} />
            </div>
          )}
          <Link to={itemHref(row.no, versionNo)} data-testid="item-link" style={{ fontWeight: 500 }}>
            <HighlightedText text={row.name} query={query} />
          </Link>
          {row.subItem && (
            <div>
              <Text type="secondary">子项：</Text>
              <HighlightedText text={row.subItem} query={query} />
            </div>
          )}
          {row.matches
            // The name is already shown (highlighted) as the link; the server may send a key or a label.
            .filter((match) => fieldLabel(match.field) !== fieldLabel('name'))
            .map((match, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: matches are positional
              <div key={index} className="qz-table-snippet" data-testid="search-snippet">
                <Text type="secondary">{fieldLabel(match.field)}：</Text>
                <HighlightedText text={match.snippet} query={query} />
              </div>
            ))}
        </div>
      ),
    },
    {
      title: '责任事项',
      dataIndex: 'duties',
      width: '36%',
      responsive: ['lg'],
      render: (duties: readonly TDuty[] | null) =>
        duties && duties.length > 0 ? <DutyTags duties={duties} query={query} /> : <Text type="secondary">—</Text>,
    },
    ...(showFindings
      ? [
          {
            title: '校验',
            dataIndex: 'findingCount',
            width: 72,
            align: 'center' as const,
            render: (count: number) => <FindingBadge count={count} />,
          },
        ]
      : []),
  ];

  return (
    <Table<PowerListRow>
      rowKey="no"
      columns={columns}
      dataSource={rows as PowerListRow[]}
      loading={loading}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={emptyText ? { emptyText } : undefined}
      onRow={() => ({ 'data-testid': 'list-row' }) as HTMLAttributes<HTMLElement>}
      data-testid="list-table"
      size={isNarrow ? 'small' : 'middle'}
    />
  );
}
