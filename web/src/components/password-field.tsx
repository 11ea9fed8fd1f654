/**
 * An initial-password field for administrators: typed, or generated at random and shown so it can
 * be handed over (the account must change it at its first sign-in).
 */
import { Button, Input, Space } from 'antd';
import { useState } from 'react';
import { generateInitialPassword } from '../lib/initial-password.js';

/** Controlled by an antd Form.Item (value/onChange). */
export function InitialPasswordInput({ value, onChange, id }: { value?: string; onChange?: (value: string) => void; id?: string }) {
  const [visible, setVisible] = useState(false);
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input.Password
        id={id}
        value={value}
        onChange={(event) => onChange?.(event.target.value)}
        autoComplete="new-password"
        visibilityToggle={{ visible, onVisibleChange: setVisible }}
      />
      <Button
        onClick={() => {
          onChange?.(generateInitialPassword());
          setVisible(true);
        }}
      >
        随机生成
      </Button>
    </Space.Compact>
  );
}
