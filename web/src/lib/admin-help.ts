/**
 * Help texts of the administrators' bootstrap (三员初始化) and of resetting authenticators. They
 * must say what the server really allows (reset-user-totp.ts, `quanze user reset-totp`).
 */

/** Who can clear whose authenticator (动态口令), one line per kind of account. */
export const TOTP_RESET_RULES: readonly { who: string; how: string }[] = [
  {
    who: '安全管理员、安全审计员',
    how: '网页中任何人都不能重置（三员分立，系统管理员也不能）。手机遗失时，由运维人员在服务器上执行 quanze user reset-totp --username 用户名，本人下次登录时重新绑定。',
  },
  {
    who: '系统管理员',
    how: '可由另一位系统管理员在“用户管理”中重置，或由运维人员在服务器上执行 quanze user reset-totp；下次登录时重新绑定。',
  },
  {
    who: '其他账号',
    how: '由系统管理员在“用户管理”中重置，本人可在“个人设置”中重新绑定。',
  },
];

/** What the system administrator can and cannot do to the other two administrators' accounts. */
export const SEPARATION_NOTE =
  '系统管理员看不到也无法设置他们的密码和身份验证器：链接只显示一次，请当面或通过可靠渠道交给本人，不要自己打开。';
