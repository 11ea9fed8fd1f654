/**
 * What the request log says about a request and its response. No personal data: the path without
 * its query (search terms, setup and invitation tokens), no client address, host or headers (the
 * audit log keeps the address where the law wants it). The request id — Fastify logs it as `reqId`
 * on every line and the server sends it back as x-request-id — joins a log line to its audit record.
 */
export const LOG_SERIALIZERS = {
  req: (req: { method: string; url: string; routeOptions?: { url?: string } }) => ({
    method: req.method,
    url: req.url.split('?')[0],
    route: req.routeOptions?.url,
  }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};
