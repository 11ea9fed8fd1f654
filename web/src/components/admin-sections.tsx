/**
 * The sections of the administration area and the action each needs; the header's 管理 link, the
 * side menu and the index redirect all read this one list.
 */
import {
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  FileSearchOutlined,
  IdcardOutlined,
  SafetyOutlined,
  TeamOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { TAction } from '@contracts/access.js';
import type { ReactNode } from 'react';

/** One section of the administration area. */
export interface AdminSection {
  path: string;
  label: string;
  /** the action the section's page reads with */
  action: TAction;
  icon: ReactNode;
  /** who the section is for, shown under the page title */
  audience: string;
}

/** The sections, in menu order. */
export const ADMIN_SECTIONS: readonly AdminSection[] = [
  { path: '/admin/users', label: '用户管理', action: 'users.read', icon: <TeamOutlined />, audience: '系统管理员' },
  { path: '/admin/roles', label: '角色与权限', action: 'roles.read', icon: <SafetyOutlined />, audience: '安全管理员' },
  { path: '/admin/audit', label: '审计日志', action: 'audit.read', icon: <AuditOutlined />, audience: '安全审计员' },
  {
    path: '/admin/officers',
    label: '执法人员与执法证',
    action: 'officers.read',
    icon: <IdcardOutlined />,
    audience: '系统管理员、负责人及业务人员',
  },
  { path: '/admin/import', label: '导入清单', action: 'powerlist.import', icon: <UploadOutlined />, audience: '法制审核员、系统管理员' },
  { path: '/admin/findings', label: '校验问题总览', action: 'powerlist.lint', icon: <FileSearchOutlined />, audience: '清单维护人员' },
  { path: '/admin/calendar', label: '节假日日历', action: 'settings.read', icon: <CalendarOutlined />, audience: '系统管理员' },
];

/** The registry maintenance link shown in the side menu for accounts that may change it. */
export const LEGAL_SOURCES_SECTION: AdminSection = {
  path: '/legal-sources',
  label: '法律依据库维护',
  action: 'legalSources.write',
  icon: <BookOutlined />,
  audience: '系统管理员、法制审核员',
};

/** Every action that opens some part of the administration area. */
export const ADMIN_ACTIONS: readonly TAction[] = ADMIN_SECTIONS.map((section) => section.action);
