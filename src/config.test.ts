import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('defaults to the embedded database in ./data on port 3000 with a 15-minute idle logoff', () => {
    const config = loadConfig({});
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.dataDir, './data');
    assert.equal(config.port, 3000);
    assert.equal(config.sessionIdleMinutes, 15);
    assert.equal(config.sessionAbsoluteHours, 12);
    assert.equal(config.trustProxy, false);
  });

  it('TRUST_PROXY takes a hop count or proxy addresses, not just true', () => {
    assert.equal(loadConfig({ TRUST_PROXY: '1' }).trustProxy, 1);
    assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.0.1.0/24' }).trustProxy, ['10.0.0.5', '10.0.1.0/24']);
    assert.equal(loadConfig({ TRUST_PROXY: 'true' }).trustProxy, true);
    assert.throws(() => loadConfig({ TRUST_PROXY: 'the load balancer' }), ConfigError);
  });

  it('refuses out-of-range numbers with the variable named', () => {
    assert.throws(() => loadConfig({ SESSION_IDLE_MINUTES: '0' }), /SESSION_IDLE_MINUTES must be an integer from 1/);
    assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT/);
  });
});
