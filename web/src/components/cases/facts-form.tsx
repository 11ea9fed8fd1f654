/**
 * A step's form drawn from the JSON Schema of its facts (the server's zod schema, one source of
 * truth): text, long text, dates and times in Beijing time, choices, yes/no, numbers, lists of
 * words or choices, and lists of records (载体、检查事项 …) with add and remove. A field named
 * `basisIndex` chooses one of the item's 实施依据. The form keeps the facts under `facts`, so the
 * server's field paths (`facts.carriers.0.quantity`) land under their fields as they are.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TProblem } from '@contracts/api.js';
import { Button, Card, Form, type FormInstance, Input, InputNumber, type FormRule as Rule, Select, Switch } from 'antd';
import type { ReactNode } from 'react';
import { type FactsSchema, factsFieldPath, initialFor, type NamePath, schemaAt } from '../../lib/facts-schema.js';
import { DateField, DateTimeField } from '../date-field.js';

export { asFactsSchema, type FactsSchema, hasNoFields, initialFor, toWireFacts } from '../../lib/facts-schema.js';

/** A legal basis to choose for `basisIndex`. */
export interface BasisOption {
  index: number;
  label: string;
}

function labelOf(name: string, schema: FactsSchema): string {
  return schema.title ?? name;
}

/** Rules of one field: required, lengths, ranges — the same bounds the server checks. */
function rulesFor(label: string, schema: FactsSchema, required: boolean): Rule[] {
  const rules: Rule[] = [];
  const choose = schema.enum || schema.type === 'boolean' || schema.format === 'date' || schema.format === 'date-time';
  if (required && schema.type !== 'boolean') {
    rules.push({
      required: true,
      message: `请${choose ? '选择' : '填写'}${label}`,
      ...(schema.type === 'array' ? { type: 'array' as const, min: Math.max(1, schema.minItems ?? 1) } : {}),
    });
  }
  if (schema.type === 'string' && !schema.enum && !schema.format?.startsWith('date')) {
    if (schema.minLength && schema.minLength > 1) rules.push({ min: schema.minLength, message: `${label}至少 ${schema.minLength} 个字` });
    if (schema.maxLength) rules.push({ max: schema.maxLength, message: `${label}不能超过 ${schema.maxLength} 个字` });
  }
  return rules;
}

/** The input of one scalar field. */
function inputFor(name: string, schema: FactsSchema, bases: readonly BasisOption[]): ReactNode {
  const label = labelOf(name, schema);
  if (name === 'basisIndex' && (schema.type === 'integer' || schema.type === 'number')) {
    return (
      <Select
        placeholder="从本事项的实施依据中选择"
        options={bases.map((basis) => ({ value: basis.index, label: basis.label }))}
        data-testid="facts-basis"
      />
    );
  }
  if (schema.enum) {
    return (
      <Select placeholder={`请选择${label}`} options={schema.enum.map((value) => ({ value: value as string, label: String(value) }))} />
    );
  }
  if (schema.type === 'boolean') return <Switch checkedChildren="是" unCheckedChildren="否" />;
  if (schema.type === 'integer' || schema.type === 'number') {
    return (
      <InputNumber
        style={{ width: '100%', maxWidth: 240 }}
        min={schema.minimum}
        max={schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER ? schema.maximum : undefined}
        precision={schema.type === 'integer' ? 0 : undefined}
      />
    );
  }
  if (schema.format === 'date') return <DateField />;
  if (schema.format === 'date-time') return <DateTimeField />;
  if (schema.format === 'textarea') return <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={schema.maxLength} />;
  return <Input maxLength={schema.maxLength} />;
}

function ObjectListField({
  name,
  schema,
  required,
  bases,
}: {
  name: NamePath;
  schema: FactsSchema;
  required: boolean;
  bases: readonly BasisOption[];
}) {
  const key = String(name[name.length - 1]);
  const label = labelOf(key, schema);
  const item = schema.items ?? {};
  // Rows of a list without a name of their own (逐项审查结论) are numbered: 第1项, 再添加一项.
  const itemLabel = item.title ?? null;
  return (
    <Form.Item label={label} required={required} data-testid={`facts-field-${key}`}>
      <Form.List
        name={name}
        rules={
          required
            ? [
                {
                  validator: async (_, value: unknown[] | undefined) => {
                    if (!value || value.length < Math.max(1, schema.minItems ?? 1)) throw new Error(`请至少填写一项${itemLabel ?? ''}`);
                  },
                },
              ]
            : []
        }
      >
        {(rows, { add, remove }, { errors }) => (
          <>
            {rows.map((row, index) => (
              <Card
                key={row.key}
                size="small"
                style={{ marginBottom: 12 }}
                title={itemLabel ? `${itemLabel} ${index + 1}` : `第${index + 1}项`}
                extra={
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(row.name)}
                    aria-label={`删除${itemLabel ?? '第'}${index + 1}${itemLabel ? '' : '项'}`}
                  >
                    删除
                  </Button>
                }
                data-testid={`facts-row-${key}`}
              >
                {Object.entries(item.properties ?? {}).map(([field, fieldSchema]) => (
                  <FactField
                    key={field}
                    name={[row.name, field]}
                    fieldKey={field}
                    schema={fieldSchema}
                    required={(item.required ?? []).includes(field)}
                    bases={bases}
                  />
                ))}
              </Card>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(initialFor(item))} block>
              {itemLabel ? `添加${itemLabel}` : '再添加一项'}
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** One field of the form; `name` is relative to an enclosing Form.List row when there is one. */
function FactField({
  name,
  fieldKey,
  schema,
  required,
  bases,
}: {
  name: NamePath;
  fieldKey: string;
  schema: FactsSchema;
  required: boolean;
  bases: readonly BasisOption[];
}) {
  const label = labelOf(fieldKey, schema);
  if (schema.type === 'array' && schema.items?.type === 'object') {
    return <ObjectListField name={name} schema={schema} required={required} bases={bases} />;
  }
  if (schema.type === 'array') {
    const options = schema.items?.enum;
    return (
      <Form.Item
        name={name}
        label={label}
        rules={rulesFor(label, schema, required)}
        extra={options ? undefined : '每项输入后按回车'}
        data-testid={`facts-field-${fieldKey}`}
      >
        {options ? (
          <Select
            mode="multiple"
            placeholder={`请选择${label}`}
            options={options.map((value) => ({ value: value as string, label: String(value) }))}
          />
        ) : (
          <Select mode="tags" placeholder={`请输入${label}`} open={false} tokenSeparators={['；', ';', '\n']} suffixIcon={null} />
        )}
      </Form.Item>
    );
  }
  if (schema.type === 'object') {
    // Nested records are rare in step forms; their fields are drawn inline under their own title.
    return (
      <Card size="small" title={label} style={{ marginBottom: 12 }}>
        {Object.entries(schema.properties ?? {}).map(([field, fieldSchema]) => (
          <FactField
            key={field}
            name={[...name, field]}
            fieldKey={field}
            schema={fieldSchema}
            required={(schema.required ?? []).includes(field)}
            bases={bases}
          />
        ))}
      </Card>
    );
  }
  return (
    <Form.Item
      name={name}
      label={label}
      rules={rulesFor(label, schema, required)}
      valuePropName={schema.type === 'boolean' ? 'checked' : 'value'}
      extra={schema.description}
      data-testid={`facts-field-${fieldKey}`}
    >
      {inputFor(fieldKey, schema, bases)}
    </Form.Item>
  );
}

/** The fields of `schema`, under `facts` in the enclosing antd Form. */
export function FactsFields({ schema, bases = [] }: { schema: FactsSchema; bases?: readonly BasisOption[] }) {
  return (
    <>
      {Object.entries(schema.properties ?? {}).map(([field, fieldSchema]) => (
        <FactField
          key={field}
          name={['facts', field]}
          fieldKey={field}
          schema={fieldSchema}
          required={(schema.required ?? []).includes(field)}
          bases={bases}
        />
      ))}
    </>
  );
}

/**
 * Puts a problem's field issues under the facts fields they name; returns the messages that belong
 * to no field (the alert above the buttons shows them).
 */
export function placeFactsErrors(form: FormInstance, schema: FactsSchema, problem: TProblem | null | undefined): string[] {
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const other: string[] = [];
  for (const issue of problem?.errors ?? []) {
    const name = factsFieldPath(schema, issue.path);
    // A list of records shows its own errors only through its rules: say it above the buttons.
    const target = name ? schemaAt(schema, name) : null;
    if (!name || (target?.type === 'array' && target.items?.type === 'object')) {
      if (!other.includes(issue.message)) other.push(issue.message);
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(issue.message)) entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()].map(({ name, errors }) => ({ name, errors })));
  return other;
}
