/**
 * One legal source of the registry: title and rank, the editions with their status, and how
 * articles of superseded editions map to later ones. Maintenance buttons appear for accounts
 * allowed to change the registry.
 */
import { DownOutlined } from '@ant-design/icons';
import type { TArticleMappingView, TEditionView, TLegalSourceView } from '@contracts/legal-sources-api.js';
import { Button, Card, Collapse, Dropdown, Grid, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { formatEditionArticle } from '../../lib/citation-notice.js';
import { rankColour } from '../../lib/labels.js';
import { EDITION_STATUS_COLOURS, MAPPING_CONFIDENCE_COLOURS } from '../../lib/legal-source-labels.js';
import type { RegistryChangeTarget } from './registry-change-modal.js';

const { Text } = Typography;

/** A date of the registry, never broken across lines; 未记录 where the registry has none. */
function DateCell({ date }: { date: string | undefined }) {
  return date ? (
    <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{date}</span>
  ) : (
    <Text type="secondary">未记录</Text>
  );
}

/** The editions table; fixed column widths line the cards up on wide screens, phones size to content. */
function editionColumns(onSetStatus: ((edition: string) => void) | null, isNarrow: boolean): TableColumnsType<TEditionView> {
  const width = (px: number) => (isNarrow ? undefined : px);
  return [
    {
      title: '版本',
      dataIndex: 'edition',
      width: width(190),
      render: (edition: string, row) => <Text strong={row.isCurrent}>{edition}</Text>,
    },
    {
      title: '公布日期',
      dataIndex: 'adopted',
      width: width(108),
      responsive: ['sm'],
      render: (date?: string) => <DateCell date={date} />,
    },
    {
      title: '施行日期',
      dataIndex: 'effective',
      width: width(108),
      render: (date?: string) => <DateCell date={date} />,
    },
    {
      title: '效力状态',
      dataIndex: 'status',
      width: width(96),
      render: (status: TEditionView['status'], row) => (
        <Tag color={EDITION_STATUS_COLOURS[status]} data-testid="edition-status">
          {row.statusLabel}
        </Tag>
      ),
    },
    {
      title: '备注',
      dataIndex: 'note',
      responsive: ['md'],
      render: (note?: string) => (note ? <Text style={{ fontSize: 13 }}>{note}</Text> : null),
    },
    ...(onSetStatus
      ? [
          {
            title: '',
            key: 'actions',
            width: 72,
            render: (_value: unknown, row: TEditionView) => (
              <Button size="small" type="link" onClick={() => onSetStatus(row.edition)} style={{ padding: 0 }}>
                改状态
              </Button>
            ),
          },
        ]
      : []),
  ];
}

const MAPPING_COLUMNS: TableColumnsType<TArticleMappingView> = [
  {
    title: '原条款',
    key: 'from',
    render: (_value, mapping) => formatEditionArticle(mapping.from, true),
  },
  {
    title: '对应条款',
    key: 'to',
    render: (_value, mapping) => mapping.to.map((target) => formatEditionArticle(target, true)).join('、'),
  },
  {
    title: '可信度',
    dataIndex: 'confidence',
    width: 84,
    render: (confidence: TArticleMappingView['confidence'], mapping) => (
      <Tag color={MAPPING_CONFIDENCE_COLOURS[confidence]}>{mapping.confidenceLabel}</Tag>
    ),
  },
  {
    title: '备注',
    dataIndex: 'note',
    responsive: ['md'],
    render: (note?: string) => (note ? <Text style={{ fontSize: 13 }}>{note}</Text> : null),
  },
];

/** The card of one source; `onChange` opens the maintenance dialog (null for readers). */
export function SourceCard({ source, onChange }: { source: TLegalSourceView; onChange: ((target: RegistryChangeTarget) => void) | null }) {
  const current = source.editions.find((edition) => edition.isCurrent);
  const isNarrow = Grid.useBreakpoint().md === false;
  return (
    <Card
      id={source.id}
      variant="borderless"
      className="qz-source-card"
      data-testid="legal-source"
      title={
        <Space size={8} wrap style={{ whiteSpace: 'normal', padding: '10px 0' }}>
          <Tag color={rankColour(source.rank)}>{source.rank}</Tag>
          <span style={{ fontWeight: 600 }}>《{source.title}》</span>
        </Space>
      }
      extra={
        onChange && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'add-edition', label: '新增版本' },
                { key: 'set-status', label: '设定效力状态' },
                { key: 'add-mapping', label: '新增条款对应' },
              ],
              onClick: ({ key }) =>
                onChange({
                  kind: key as RegistryChangeTarget['kind'],
                  sourceId: source.id,
                  edition: current?.edition ?? source.editions[0]?.edition,
                }),
            }}
          >
            <Button size="small" data-testid="source-maintain">
              维护 <DownOutlined />
            </Button>
          </Dropdown>
        )
      }
      style={{ marginBottom: 16 }}
    >
      <Space size={[12, 4]} wrap style={{ marginBottom: 12 }}>
        {current ? (
          <Text>
            现行版本：<Text strong>{current.edition}</Text>
            {current.effective ? `（${current.effective}施行）` : ''}
          </Text>
        ) : (
          <Text type="warning">法律依据库未记录现行有效的版本</Text>
        )}
        {source.aliases.length > 0 && <Text type="secondary">又称：{source.aliases.join('、')}</Text>}
      </Space>
      <Table<TEditionView>
        rowKey="edition"
        size="small"
        columns={editionColumns(onChange ? (edition) => onChange({ kind: 'set-status', sourceId: source.id, edition }) : null, isNarrow)}
        dataSource={source.editions}
        pagination={false}
        tableLayout={isNarrow ? 'auto' : 'fixed'}
        data-testid="edition-table"
      />
      {/* Phones have no 备注 column: the notes follow the table. */}
      {source.editions.some((edition) => edition.note) && (
        <ul className="qz-only-narrow qz-edition-notes">
          {source.editions
            .filter((edition) => edition.note)
            .map((edition) => (
              <li key={edition.edition}>
                {edition.edition}：{edition.note}
              </li>
            ))}
        </ul>
      )}
      {source.articleMap.length > 0 ? (
        <Collapse
          size="small"
          ghost
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'map',
              label: `条款对应（${source.articleMap.length} 条）`,
              children: (
                <Table<TArticleMappingView>
                  rowKey={(mapping) => `${mapping.from.edition}-${mapping.from.article}-${mapping.from.paragraph ?? ''}`}
                  size="small"
                  columns={MAPPING_COLUMNS}
                  dataSource={source.articleMap}
                  pagination={false}
                  data-testid="mapping-table"
                />
              ),
            },
          ]}
        />
      ) : (
        <Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 13 }}>
          暂无条款对应记录。
        </Text>
      )}
    </Card>
  );
}
