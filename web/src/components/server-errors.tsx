/**
 * Server refusals in forms: the problem's field issues go under their fields (password policy,
 * username taken …), the rest — a lockout, a 三员 separation refusal, a stale revision — into an
 * alert above the buttons, worded as the server worded it.
 */
import { Alert, type FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError } from '../api/http.js';
import { problemFieldErrors } from '../lib/problem-fields.js';

/** A refusal to show above a form's buttons. */
export interface ServerError {
  status: number;
  message: string;
  /** issues that belong to no field of the form */
  details: string[];
}

/** The general part of a failed request, for errors that come without a form. */
export function serverErrorOf(error: unknown): ServerError {
  if (error instanceof ApiError) return { status: error.status, message: error.message, details: [] };
  return { status: 0, message: '操作未能完成，请稍后重试。', details: [] };
}

/**
 * Reports a failed submit on `form`: `fields` maps the server's dotted paths (without `body.`) to
 * the form's field names; identical names can be given as a plain list.
 */
export function useServerErrors(form: FormInstance, fields: readonly string[] | Readonly<Record<string, string>>) {
  const [error, setError] = useState<ServerError | null>(null);
  const mapping: Readonly<Record<string, string>> = Array.isArray(fields)
    ? Object.fromEntries((fields as readonly string[]).map((name) => [name, name]))
    : (fields as Readonly<Record<string, string>>);
  const serverPaths = Object.keys(mapping);

  const report = (failure: unknown) => {
    if (!(failure instanceof ApiError)) {
      setError(serverErrorOf(failure));
      return;
    }
    const sorted = problemFieldErrors(failure.problem, serverPaths);
    const byField = new Map<string, string[]>();
    for (const [path, messages] of Object.entries(sorted.fields)) {
      const name = mapping[path] ?? path;
      byField.set(name, [...(byField.get(name) ?? []), ...messages]);
    }
    // Form.List rows are named by number (`to.1.article` → ['to', 1, 'article']).
    const namePath = (name: string) => name.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    form.setFields([...byField.entries()].map(([name, errors]) => ({ name: namePath(name), errors })));
    setError({ status: failure.status, message: failure.message, details: sorted.other });
  };
  const clear = useCallback(() => setError(null), []);
  return { error, report, clear };
}

/** Alert titles by status, so people see at once what kind of refusal it is. */
function titleFor(error: ServerError, fallback: string): string {
  if (error.status === 429) return '尝试过于频繁或账号已暂时锁定';
  if (error.status === 403) return '操作被拒绝';
  if (error.status === 413) return '内容过大';
  if (error.status === 0) return '无法连接服务器';
  return fallback;
}

/** The general refusal of a form, or nothing. */
export function ServerErrorAlert({
  error,
  title = '提交未成功',
  onClose,
}: {
  error: ServerError | null;
  title?: string;
  onClose?: () => void;
}) {
  if (error === null) return null;
  const details = error.details.filter((detail) => detail !== error.message);
  return (
    <Alert
      type="error"
      showIcon
      closable={onClose ? { onClose } : false}
      style={{ marginBottom: 16 }}
      title={titleFor(error, title)}
      description={
        <div data-testid="server-error">
          <div>{error.message}</div>
          {details.length > 0 && (
            <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
              {details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          )}
        </div>
      }
    />
  );
}
