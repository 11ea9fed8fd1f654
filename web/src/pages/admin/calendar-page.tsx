/**
 * 节假日日历 (`/admin/calendar`, the system administrator): a year as twelve month grids with the
 * holidays (休) and 调休 working days (班) marked, which years have data — with a plain warning for
 * the first year that has none, because every deadline that reaches it says "日历数据缺失" until
 * the State Council's arrangement is entered — and two ways to enter it: one day at a time, or a
 * CSV/JSON file (checked first, then imported). The year is in the URL (?year=2027).
 */
import { LeftOutlined, RightOutlined, UploadOutlined } from '@ant-design/icons';
import {
  CALENDAR_DAY_KIND_LABELS,
  type TCalendarDay,
  type TCalendarImportRequest,
  type TCalendarImportResponse,
} from '@contracts/calendar.js';
import { CalendarFileError, parseCalendarText } from '@contracts/calendar-file.js';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Form, Input, Radio, Row, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { DateField } from '../../components/date-field.js';
import { PageHeading } from '../../components/page-heading.js';
import { LoadError, PageLoading } from '../../components/query-feedback.js';
import { ServerErrorAlert, useServerErrors } from '../../components/server-errors.js';
import { useCalendarImport, useCalendarYear } from '../../hooks/use-calendar.js';
import { useDocumentTitle } from '../../hooks/use-document-title.js';
import { beijingToday } from '../../lib/beijing-time.js';
import { type HolidayRun, holidayRuns, monthGrids } from '../../lib/calendar-grid.js';
import './calendar-page.css';

const WEEK_HEADINGS = ['一', '二', '三', '四', '五', '六', '日'];

/** Colours of a day by kind: red for days off by law, grey for weekends, blue for 调休 working days. */
const DAY_STYLE: Record<TCalendarDay['kind'], { background: string; color: string }> = {
  workday: { background: '#ffffff', color: 'rgba(0,0,0,0.88)' },
  weekend: { background: '#f5f5f5', color: 'rgba(0,0,0,0.45)' },
  holiday: { background: '#fff1f0', color: '#cf1322' },
  'adjusted-workday': { background: '#e6f4ff', color: '#0958d9' },
  unknown: { background: '#fffbe6', color: 'rgba(0,0,0,0.35)' },
};

function yearFromSearch(params: URLSearchParams): number {
  const raw = Number(params.get('year'));
  return Number.isInteger(raw) && raw >= 2000 && raw <= 2100 ? raw : Number(beijingToday().slice(0, 4));
}

function shortDate(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** A year's coverage as text: 2004–2026, 2027. */
function coverageText(years: readonly number[]): string {
  const ranges: string[] = [];
  let start: number | null = null;
  years.forEach((year, i) => {
    if (start === null) start = year;
    if (years[i + 1] !== year + 1) {
      ranges.push(start === year ? `${year}` : `${start}–${year}`);
      start = null;
    }
  });
  return ranges.join('、');
}

function DayCell({ day }: { day: TCalendarDay | null }) {
  if (day === null) return <div className="calendar-cell calendar-cell-empty" />;
  const style = DAY_STYLE[day.kind];
  const mark = day.kind === 'holiday' ? '休' : day.kind === 'adjusted-workday' ? '班' : null;
  const title = `${day.date} ${CALENDAR_DAY_KIND_LABELS[day.kind]}${day.name ? `（${day.name}）` : ''}${day.override ? '，管理员设置' : ''}`;
  return (
    <div
      className="calendar-cell"
      style={{ background: style.background, color: style.color, outline: day.override ? '2px solid #fa8c16' : undefined }}
      title={title}
      data-kind={day.kind}
      data-date={day.date}
    >
      <span>{Number(day.date.slice(8, 10))}</span>
      {mark && <span className="calendar-cell-mark">{mark}</span>}
    </div>
  );
}

function Legend() {
  const kinds: TCalendarDay['kind'][] = ['workday', 'weekend', 'holiday', 'adjusted-workday', 'unknown'];
  return (
    <Flex gap={12} wrap style={{ marginBottom: 12 }}>
      {kinds.map((kind) => (
        <Flex key={kind} gap={6} align="center">
          <span className="calendar-legend-swatch" style={{ background: DAY_STYLE[kind].background, color: DAY_STYLE[kind].color }}>
            {kind === 'holiday' ? '休' : kind === 'adjusted-workday' ? '班' : ''}
          </span>
          <Typography.Text type="secondary">{CALENDAR_DAY_KIND_LABELS[kind]}</Typography.Text>
        </Flex>
      ))}
      <Flex gap={6} align="center">
        <span className="calendar-legend-swatch" style={{ outline: '2px solid #fa8c16' }} />
        <Typography.Text type="secondary">管理员设置</Typography.Text>
      </Flex>
    </Flex>
  );
}

function YearGrid({ days }: { days: readonly TCalendarDay[] }) {
  return (
    <div className="calendar-months" data-testid="calendar-months">
      {monthGrids(days).map((grid) => (
        <section key={grid.month} className="calendar-month" aria-label={`${grid.month}月`}>
          <Typography.Text strong>{grid.month}月</Typography.Text>
          <div className="calendar-week calendar-week-head">
            {WEEK_HEADINGS.map((w) => (
              <div key={w} className="calendar-cell calendar-cell-head">
                {w}
              </div>
            ))}
          </div>
          {grid.weeks.map((week) => (
            <div key={week.find(Boolean)?.date} className="calendar-week">
              {week.map((day, i) => (
                <DayCell key={day?.date ?? `blank-${i}`} day={day} />
              ))}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

function ImportSummary({ result }: { result: TCalendarImportResponse }) {
  const failed = result.followUps.filter((f) => !f.ok);
  return (
    <Alert
      type={failed.length ? 'warning' : result.dryRun ? 'info' : 'success'}
      showIcon
      style={{ marginTop: 12 }}
      data-testid="calendar-import-result"
      message={
        result.dryRun
          ? '校验通过（试导入，尚未写入）'
          : result.revisionNo === null
            ? '与当前日历相同，未写入'
            : `已导入（第 ${result.revisionNo} 次）`
      }
      description={
        <>
          <div>
            新增 {result.added}，修改 {result.updated}，删除 {result.removed}，未变 {result.unchanged}
            {result.newlyCoveredYears.length > 0 && `；${result.newlyCoveredYears.join('、')} 年数据已完整`}。
          </div>
          <div>
            日期类型有变化：{result.changedDates.length} 天
            {result.changedDates.length > 0 && result.changedDates.length <= 10 && `（${result.changedDates.join('、')}）`}
            {!result.dryRun && result.changedDates.length > 0 && '，进行中案件的期限已按新日历重新计算。'}
          </div>
          {result.followUps.map((f) => (
            <div key={f.name}>
              {f.ok ? '✓' : '✗'} {f.message}
            </div>
          ))}
        </>
      }
    />
  );
}

interface DayForm {
  date: string;
  kind: 'holiday' | 'workday' | 'remove';
  name: string;
}

function DayEntryCard() {
  const [form] = Form.useForm<DayForm>();
  const entry = useCalendarImport();
  const errors = useServerErrors(form, { 'entries.0.date': 'date', 'entries.0.kind': 'kind', 'entries.0.name': 'name' });
  const [result, setResult] = useState<TCalendarImportResponse | null>(null);
  const kind = Form.useWatch('kind', form);
  const submit = (values: DayForm) => {
    errors.clear();
    setResult(null);
    entry.mutate(
      { entries: [{ date: values.date, kind: values.kind, name: values.name ?? '' }] },
      { onSuccess: setResult, onError: errors.report },
    );
  };
  return (
    <Card title="设置或更正一天" size="small" style={{ height: '100%' }}>
      <ServerErrorAlert error={errors.error} title="未能保存" />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ kind: 'holiday', name: '' }}
        onFinish={submit}
        data-testid="calendar-day-form"
      >
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DateField />
        </Form.Item>
        <Form.Item name="kind" label="设为">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'holiday', label: '放假' },
              { value: 'workday', label: '上班（周末即调休）' },
              { value: 'remove', label: '删除设置' },
            ]}
          />
        </Form.Item>
        {kind !== 'remove' && (
          <Form.Item
            name="name"
            label="名称"
            extra="如：春节、国庆节；调休上班写所补的节日"
            rules={kind === 'holiday' ? [{ required: true, whitespace: true, message: '放假的日期应写明节日名称' }] : []}
          >
            <Input maxLength={40} placeholder="节日名称" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={entry.isPending}>
          保存
        </Button>
      </Form>
      {result && <ImportSummary result={result} />}
    </Card>
  );
}

function FileImportCard() {
  const { message } = App.useApp();
  const entry = useCalendarImport();
  const [file, setFile] = useState<{ name: string; request: TCalendarImportRequest } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<TCalendarImportResponse | null>(null);
  const read = async (picked: File) => {
    setResult(null);
    setProblem(null);
    try {
      const request = parseCalendarText(await picked.text(), picked.name);
      setFile({ name: picked.name, request });
      entry.mutate({ ...request, dryRun: true }, { onSuccess: setResult, onError: (e) => setProblem(e.message) });
    } catch (error) {
      setFile(null);
      setProblem(error instanceof CalendarFileError ? error.message : '无法读取该文件');
    }
    return false;
  };
  const importNow = () => {
    if (!file) return;
    entry.mutate(
      { ...file.request, dryRun: false },
      {
        onSuccess: (answer) => {
          setResult(answer);
          message.success('节假日安排已导入');
        },
        onError: (e) => setProblem(e.message),
      },
    );
  };
  return (
    <Card title="导入节假日安排文件" size="small" style={{ height: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        国务院办公厅公布下一年的节假日安排后，按下面的格式整理为 CSV（UTF-8）或 JSON 导入。先校验，确认后再导入。
      </Typography.Paragraph>
      <pre className="calendar-format" data-testid="calendar-format">
        {'date,kind,name\n2027,covered,国务院办公厅关于2027年部分节假日安排的通知\n2027-01-01,holiday,元旦\n2027-02-20,workday,春节'}
      </pre>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        kind：holiday 放假；workday 上班（周末上班即调休）；remove 删除以前的设置；covered
        表示文件包含该年完整安排（第一列为年份，第三列写来源）。
      </Typography.Paragraph>
      <Space wrap>
        <Upload accept=".csv,.json,text/csv,application/json" maxCount={1} showUploadList={false} beforeUpload={read}>
          <Button icon={<UploadOutlined />}>选择文件并校验</Button>
        </Upload>
        <Button
          type="primary"
          disabled={!file || !result?.dryRun}
          loading={entry.isPending}
          onClick={importNow}
          data-testid="calendar-import-button"
        >
          导入{file ? ` ${file.name}` : ''}
        </Button>
      </Space>
      {problem && <Alert type="error" showIcon style={{ marginTop: 12 }} message="未能导入" description={problem} />}
      {result && <ImportSummary result={result} />}
    </Card>
  );
}

const RUN_COLUMNS = [
  { title: '名称', dataIndex: 'name', key: 'name' },
  {
    title: '日期',
    key: 'dates',
    render: (_: unknown, run: HolidayRun) =>
      run.first === run.last ? shortDate(run.first) : `${shortDate(run.first)}至${shortDate(run.last)}`,
  },
  {
    title: '类型',
    key: 'kind',
    render: (_: unknown, run: HolidayRun) =>
      run.kind === 'holiday' ? <Tag color="red">放假 {run.days} 天</Tag> : <Tag color="blue">调休上班</Tag>,
  },
];

/** The page. */
export function CalendarPage() {
  useDocumentTitle('节假日日历');
  const [params, setParams] = useSearchParams();
  const year = yearFromSearch(params);
  const view = useCalendarYear(year);
  const go = (next: number) => setParams({ year: String(next) }, { replace: true });

  if (view.isPending) return <PageLoading rows={10} />;
  if (view.isError) return <LoadError error={view.error} onRetry={() => view.refetch()} />;
  const data = view.data;
  const runs = holidayRuns(data.days);

  return (
    <>
      <PageHeading
        title="节假日日历"
        audience="系统管理员"
        description="所有工作日期限（陈述申辩、听证申请、送达、一次性告知等）和“法定节假日”监察规则都按这份日历计算。内置数据之后的年份，须在国务院办公厅公布节假日安排后在此导入。"
      />

      <Card size="small" style={{ marginBottom: 16 }} data-testid="calendar-coverage">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'covered', label: '有数据的年份', children: coverageText(data.coveredYears) },
            {
              key: 'bundled',
              label: '内置数据',
              children: `${data.bundledYears.package}（${data.bundledYears.first}–${data.bundledYears.last}）`,
            },
            {
              key: 'declared',
              label: '管理员导入的年份',
              children: data.declaredYears.length ? data.declaredYears.map((d) => `${d.year}（${d.source}）`).join('；') : '无',
            },
          ]}
        />
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="calendar-missing-warning"
          message={`${data.firstMissingYear} 年的节假日安排尚未导入`}
          description={`凡是跨入 ${data.firstMissingYear} 年的期限都显示“日历数据缺失”，不给出届满日期，也不会按普通周末推算。国务院办公厅公布该年安排后，请在下方导入。`}
        />
      </Card>

      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={
          <Flex align="center" gap={8}>
            <Button size="small" icon={<LeftOutlined />} aria-label="上一年" onClick={() => go(year - 1)} disabled={year <= 2000} />
            <span data-testid="calendar-year">{year} 年</span>
            <Button size="small" icon={<RightOutlined />} aria-label="下一年" onClick={() => go(year + 1)} disabled={year >= 2100} />
            {data.covered ? <Tag color="green">数据完整</Tag> : <Tag color="gold">无数据</Tag>}
          </Flex>
        }
      >
        {!data.covered && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={`${year} 年没有节假日数据`}
            description="该年每一天都标为“无数据”；涉及该年的期限不会计算。"
          />
        )}
        <Legend />
        <YearGrid days={data.days} />
      </Card>

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={10}>
          <Card size="small" title={`${year} 年节假日和调休`} style={{ height: '100%' }}>
            <Table
              size="small"
              rowKey={(run) => `${run.kind}-${run.first}`}
              columns={RUN_COLUMNS}
              dataSource={runs}
              pagination={false}
              locale={{ emptyText: data.covered ? '该年没有节假日记录' : '该年没有数据' }}
              data-testid="calendar-runs"
            />
          </Card>
        </Col>
        <Col xs={24} lg={7}>
          <DayEntryCard />
        </Col>
        <Col xs={24} lg={7}>
          <FileImportCard />
        </Col>
      </Row>
    </>
  );
}
