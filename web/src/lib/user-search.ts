/** The name filter of the administration tables (users, roles): one rule for every page. */

/** The accounts whose username or display name contains the search text, case-insensitively; all when empty. */
export function filterUsers<T extends { username: string; displayName: string }>(users: readonly T[], search: string): T[] {
  const needle = search.trim().toLowerCase();
  if (needle === '') return [...users];
  return users.filter((user) => user.username.toLowerCase().includes(needle) || user.displayName.toLowerCase().includes(needle));
}
