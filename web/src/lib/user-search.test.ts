import { describe, expect, it } from 'vitest';
import { filterUsers } from './user-search.js';

const users = [
  { username: 'Admin', displayName: '系统管理员甲' },
  { username: 'li.shen', displayName: '李审计' },
  { username: 'wang', displayName: 'Wang Fa' },
];

describe('filterUsers', () => {
  it('keeps every account for an empty or blank search', () => {
    expect(filterUsers(users, '')).toEqual(users);
    expect(filterUsers(users, '   ')).toEqual(users);
  });

  it('matches usernames and display names whatever their case', () => {
    expect(filterUsers(users, 'admin').map((u) => u.username)).toEqual(['Admin']);
    expect(filterUsers(users, 'ADMIN').map((u) => u.username)).toEqual(['Admin']);
    expect(filterUsers(users, 'wang fa').map((u) => u.username)).toEqual(['wang']);
    expect(filterUsers(users, '审计').map((u) => u.username)).toEqual(['li.shen']);
  });

  it('finds nothing for text neither name contains', () => {
    expect(filterUsers(users, 'zzz')).toEqual([]);
  });
});
