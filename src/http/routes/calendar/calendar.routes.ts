/**
 * The working-day calendar (/api/v1/calendar): the year view and the administrator's imports
 * (system administrator: `settings.read` / `settings.write`, audited), and the deadline calculator,
 * open to everyone — it says only what the published holiday arrangement says.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZCalendarImportRequest,
  ZCalendarImportResponse,
  ZCalendarQuery,
  ZCalendarYearResponse,
  ZDeadlineQuery,
  ZDeadlineResponse,
} from '../../../contracts/calendar.js';
import { calculateDeadline } from '../../../services/calendar/calculate-deadline.js';
import { importCalendarOverrides } from '../../../services/calendar/import-calendar-overrides.js';
import { listCalendar } from '../../../services/calendar/list-calendar.js';
import { problemResponses } from '../../problem-responses.js';

const TAGS = ['节假日日历'];

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { action: 'settings.read' },
      schema: {
        tags: TAGS,
        summary: '某年的每一天（工作日、周末、节假日、调休上班、无数据）、有数据的年份和管理员的设置',
        querystring: ZCalendarQuery,
        response: { 200: ZCalendarYearResponse, ...problemResponses(400, 401, 403) },
      },
    },
    (request) => listCalendar(request.ctx, request.query.year ? { year: request.query.year } : {}),
  );

  app.post(
    '/overrides',
    {
      config: { action: 'settings.write' },
      schema: {
        tags: TAGS,
        summary:
          '导入节假日安排或更正某天（按日期覆盖；kind=remove 删除设置；coveredYears 声明整年数据完整）；返回类型有变化的日期，进行中案件的期限随之重新计算',
        body: ZCalendarImportRequest,
        response: { 200: ZCalendarImportResponse, 201: ZCalendarImportResponse, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const result = await importCalendarOverrides(request.ctx, request.body);
      return reply.code(result.revisionNo !== null ? 201 : 200).send(result);
    },
  );

  app.get(
    '/deadline',
    {
      config: { public: true },
      schema: {
        tags: TAGS,
        summary:
          '计算期限：自 from 起（当日不计入）workingDays 个工作日或 calendarDays 个自然日（末日为节假日的顺延）；跨入没有节假日数据的年份时 due 为 null、calendarComplete 为 false',
        querystring: ZDeadlineQuery,
        response: { 200: ZDeadlineResponse, ...problemResponses(400) },
      },
    },
    (request) =>
      calculateDeadline(request.ctx, {
        from: request.query.from,
        ...(request.query.workingDays !== undefined ? { workingDays: request.query.workingDays } : {}),
        ...(request.query.calendarDays !== undefined ? { calendarDays: request.query.calendarDays } : {}),
      }),
  );
};
