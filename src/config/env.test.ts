import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseTrustProxy } from './env.js';

describe('QUANZE_TRUST_PROXY (issue 9: "true" let any client choose its address)', () => {
  it('is off by default', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
  });

  it('takes a hop count or a list of proxy addresses and CIDR blocks', () => {
    expect(loadConfig({ QUANZE_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ QUANZE_TRUST_PROXY: '10.0.0.5, 10.0.1.0/24,::1' }).trustProxy).toEqual(['10.0.0.5', '10.0.1.0/24', '::1']);
    expect(parseTrustProxy('loopback')).toEqual(['loopback']);
    expect(parseTrustProxy('2001:db8::/32')).toEqual(['2001:db8::/32']);
    expect(parseTrustProxy('false')).toBe(false);
  });

  it('refuses "true" (trust everyone) and anything that is not an address, naming the variable', () => {
    for (const value of ['true', 'yes', '11', '10.0.0.256', '10.0.0.0/33', 'proxy.example.org']) {
      expect(() => loadConfig({ QUANZE_TRUST_PROXY: value }), value).toThrow(ConfigError);
    }
    expect(() => loadConfig({ QUANZE_TRUST_PROXY: 'true' })).toThrow(/QUANZE_TRUST_PROXY/);
  });
});

describe('QUANZE_AUDIT_SIGNING_KEY', () => {
  it('is resolved to an absolute path, or null when unset', () => {
    expect(loadConfig({}).auditSigningKeyFile).toBeNull();
    expect(loadConfig({ QUANZE_AUDIT_SIGNING_KEY: 'keys/audit.key' }).auditSigningKeyFile).toMatch(/^\/.*keys\/audit\.key$/);
  });
});
