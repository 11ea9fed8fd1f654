/**
 * 公开清单: the current list with search (?q=) and a category filter (?category=).
 */
import { DownloadOutlined, PrinterOutlined, SearchOutlined } from '@ant-design/icons';
import type { TPowerListResponse, TSearchResponse } from '@contracts/api.js';
import { Button, Card, Empty, Input, Segmented, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ListSummaryCard } from '../components/list-summary-card.js';
import { type PowerListRow, PowerListTable } from '../components/power-list-table.js';
import { LoadError, PageLoading } from '../components/query-feedback.js';
import { ScrollRow } from '../components/scroll-row.js';
import { useDocumentTitle } from '../hooks/use-document-title.js';
import { useCurrentList, useSearch } from '../hooks/use-power-list.js';

const ALL = '全部';

/** Rows of the whole list, with each item's finding count. */
function rowsOfList(response: TPowerListResponse): PowerListRow[] {
  const counts = new Map<number, number>();
  for (const finding of response.list.findings) {
    if (finding.item !== null) counts.set(finding.item, (counts.get(finding.item) ?? 0) + 1);
  }
  return response.list.items.map((item) => ({
    no: item.no,
    category: item.category,
    name: item.name,
    subItem: item.subItem,
    duties: item.duties,
    findingCount: counts.get(item.no) ?? 0,
    matches: [],
  }));
}

/** Rows of a search, completed with the duties from the list when it is the same version. */
function rowsOfSearch(search: TSearchResponse, listRows: readonly PowerListRow[], sameVersion: boolean): PowerListRow[] {
  const byNo = new Map(listRows.map((row) => [row.no, row]));
  return search.items.map((hit) => ({
    no: hit.no,
    category: hit.category,
    name: hit.name,
    subItem: hit.subItem,
    duties: sameVersion ? (byNo.get(hit.no)?.duties ?? null) : null,
    findingCount: hit.findingCount,
    matches: hit.matches,
  }));
}

/** Categories in the order the list first uses them. */
function categoriesOf(rows: readonly PowerListRow[]): string[] {
  return [...new Set(rows.map((row) => row.category))];
}

/** The public list page (route `/`). */
export function PublicListPage() {
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const category = params.get('category') ?? ALL;
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);

  const current = useCurrentList();
  const search = useSearch({ q });
  useDocumentTitle(q ? `搜索“${q}”` : null);

  const listRows = useMemo(() => (current.data ? rowsOfList(current.data) : []), [current.data]);
  const isSearching = q !== '';
  const searchRows = useMemo(
    () => (search.data ? rowsOfSearch(search.data, listRows, search.data.version.no === current.data?.version.no) : []),
    [search.data, listRows, current.data?.version.no],
  );
  const baseRows = isSearching ? searchRows : listRows;
  const visibleRows = category === ALL ? baseRows : baseRows.filter((row) => row.category === category);

  const applyParams = (next: { q?: string; category?: string }) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined || value === '' || (key === 'category' && value === ALL)) merged.delete(key);
      else merged.set(key, value);
    }
    setParams(merged);
  };

  if (current.isPending) return <PageLoading rows={8} />;
  if (current.isError) return <LoadError title="权责清单加载失败" error={current.error} onRetry={() => current.refetch()} />;

  const { organisation, version, list } = current.data;
  const categoryOptions = [
    { value: ALL, label: `${ALL} ${baseRows.length}` },
    ...categoriesOf(listRows).map((name) => {
      const count = baseRows.filter((row) => row.category === name).length;
      return { value: name, label: `${name} ${count}`, disabled: count === 0 && category !== name };
    }),
  ];

  return (
    <>
      <ListSummaryCard title={list.title} organisation={organisation} version={version}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Input.Search
            value={draft}
            onChange={(event) => {
              setDraft(event.target.value);
              if (event.target.value === '' && q !== '') applyParams({ q: '' });
            }}
            onSearch={(value) => applyParams({ q: value.trim() })}
            placeholder="搜索事项名称、责任事项、法律依据…"
            enterButton={
              <>
                <SearchOutlined /> 搜索
              </>
            }
            allowClear
            size="large"
            maxLength={100}
            loading={isSearching && search.isFetching}
            aria-label="搜索权责清单"
            data-testid="search-box"
          />
          <Space size={8} wrap data-testid="downloads">
            <Button icon={<DownloadOutlined />} href="/api/v1/powerlists/export?format=xlsx" download data-testid="download-xlsx">
              下载清单（Excel）
            </Button>
            <Button icon={<PrinterOutlined />} data-testid="print-link">
              <Link to="/print">打印版</Link>
            </Button>
          </Space>
          <ScrollRow testId="category-row">
            <Segmented
              options={categoryOptions}
              value={category}
              onChange={(value) => applyParams({ category: String(value) })}
              data-testid="category-filter"
            />
          </ScrollRow>
        </Space>
      </ListSummaryCard>

      <Card variant="borderless" styles={{ body: { padding: 0 } }}>
        {isSearching && search.isError ? (
          <div style={{ padding: 16 }}>
            <LoadError title="搜索失败" error={search.error} onRetry={() => search.refetch()} />
          </div>
        ) : (
          <>
            {isSearching && search.data && (
              <div style={{ padding: '12px 16px' }} data-testid="search-summary">
                <Typography.Text type="secondary">
                  “{q}”共找到 {search.data.total} 项相关事项{(search.data.terms?.length ?? 0) > 1 ? '，匹配词多的在前' : ''}
                  {category !== ALL ? `，其中${category} ${visibleRows.length} 项` : ''}
                </Typography.Text>
              </div>
            )}
            <PowerListTable
              rows={visibleRows}
              query={isSearching ? (search.data?.terms?.join(' ') ?? q) : null}
              loading={isSearching && search.isPending}
              emptyText={
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={isSearching ? `未找到与“${q}”相关的事项` : '该分类下暂无事项'}>
                  {isSearching && (search.data?.suggestions?.length ?? 0) > 0 && (
                    <div style={{ marginBottom: 12 }} data-testid="search-suggestions">
                      <Typography.Text type="secondary">您是不是要找：</Typography.Text>
                      {search.data?.suggestions?.map((name) => (
                        <div key={name}>
                          <Typography.Link onClick={() => applyParams({ q: name, category: ALL })}>{name}</Typography.Link>
                        </div>
                      ))}
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        也可以换用更短的词，或用空格分开几个词。
                      </Typography.Text>
                    </div>
                  )}
                  {isSearching && <Button onClick={() => applyParams({ q: '', category: ALL })}>查看全部事项</Button>}
                </Empty>
              }
            />
          </>
        )}
      </Card>
    </>
  );
}
