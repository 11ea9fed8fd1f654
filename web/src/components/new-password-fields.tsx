/**
 * A new password typed twice (first-run setup, an administrator's invitation, changing one's own):
 * the policy hint under the first field, the second must match it.
 */
import { Form, Input } from 'antd';
import { PASSWORD_HINT } from '../lib/labels.js';

export interface NewPasswordFieldsProps {
  /** the form field of the password (`password`, `newPassword`) */
  name: string;
  /** 密码 or 新密码 */
  label: string;
  /** what an empty password field says (default 请输入…) */
  requiredMessage?: string;
}

/** Two Form.Items inside an antd Form: the password and its confirmation (field `confirm`). */
export function NewPasswordFields({ name, label, requiredMessage }: NewPasswordFieldsProps) {
  return (
    <>
      <Form.Item name={name} label={label} extra={PASSWORD_HINT} rules={[{ required: true, message: requiredMessage ?? `请输入${label}` }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={`确认${label}`}
        dependencies={[name]}
        rules={[
          { required: true, message: `请再次输入${label}` },
          ({ getFieldValue }) => ({
            validator: (_rule, value) =>
              !value || value === getFieldValue(name) ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
