// NODE_EXTRA_CA_CERTS carried past the snapshot child's start and put back
// (src/startup/extraCaCerts.ts; issue 15, item 3: Node parses the file as
// each process starts, 39 ms of CPU on the bench machine).
import { describe, expect, it } from 'vitest';
import { CARRIED_CA_CERTS, carryExtraCaCerts, restoreExtraCaCerts } from '../../src/startup/extraCaCerts.js';

describe('carryExtraCaCerts', () => {
  it('moves NODE_EXTRA_CA_CERTS to the carrier, leaving the rest and the given object as they were', () => {
    const env = { HOME: '/home/a', NODE_EXTRA_CA_CERTS: '/etc/ssl/extra.pem' };
    expect(carryExtraCaCerts(env)).toEqual({ HOME: '/home/a', [CARRIED_CA_CERTS]: '/etc/ssl/extra.pem' });
    expect(env).toEqual({ HOME: '/home/a', NODE_EXTRA_CA_CERTS: '/etc/ssl/extra.pem' });
  });

  it('carries an empty value as it is, and nothing when the variable is not set', () => {
    expect(carryExtraCaCerts({ NODE_EXTRA_CA_CERTS: '' })).toEqual({ [CARRIED_CA_CERTS]: '' });
    expect(carryExtraCaCerts({ HOME: '/home/a' })).toEqual({ HOME: '/home/a' });
  });

  it('drops a carried value it inherited, so none is put back where the user set none', () => {
    expect(carryExtraCaCerts({ [CARRIED_CA_CERTS]: '/stale.pem' })).toEqual({});
    expect(carryExtraCaCerts({ [CARRIED_CA_CERTS]: '/stale.pem', NODE_EXTRA_CA_CERTS: '/new.pem' })).toEqual({ [CARRIED_CA_CERTS]: '/new.pem' });
  });
});

describe('restoreExtraCaCerts', () => {
  it('puts the carried value back under its own name and removes the carrier', () => {
    const env: NodeJS.ProcessEnv = { HOME: '/home/a', [CARRIED_CA_CERTS]: '/etc/ssl/extra.pem' };
    restoreExtraCaCerts(env);
    expect(env).toEqual({ HOME: '/home/a', NODE_EXTRA_CA_CERTS: '/etc/ssl/extra.pem' });
  });

  it('leaves an environment without a carried value as it is', () => {
    const env: NodeJS.ProcessEnv = { HOME: '/home/a' };
    restoreExtraCaCerts(env);
    expect(env).toEqual({ HOME: '/home/a' });
  });

  it('gives back what carryExtraCaCerts took', () => {
    const env = { HOME: '/home/a', NODE_EXTRA_CA_CERTS: '/etc/ssl/extra.pem' };
    const child = carryExtraCaCerts(env);
    restoreExtraCaCerts(child);
    expect(child).toEqual(env);
  });
});
