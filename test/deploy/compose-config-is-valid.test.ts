import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseConfig } from '../../src/config/load-config.js';

/**
 * There is no Docker daemon here, so compose itself cannot run in the suite.
 * What can drift silently is checked instead: the gateway config that
 * compose.yaml mounts validates with the environment compose gives it, points
 * at the backends service and at Redis, and the replicas, health checks and
 * image pieces it relies on are there.
 */
const root = new URL('../..', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  deploy?: { replicas?: number };
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, Service> };
const { gateway, backends, redis, proxy } = compose.services;

/** The environment compose passes, with `${VAR:-default}` taken at its default. */
function environmentOf(service: Service): Record<string, string> {
  return Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, String(v).replace(/^\$\{\w+:-(.*)\}$/, '$1')]));
}

describe('compose.yaml', () => {
  it('runs two gateway replicas from the image, with Redis and the reference backends healthy first', () => {
    expect(gateway!.deploy?.replicas).toBe(2);
    expect(gateway!.build).toBe('.');
    expect(gateway!.depends_on).toEqual({ redis: { condition: 'service_healthy' }, backends: { condition: 'service_healthy' } });
    expect(redis!.image).toMatch(/^redis:\d+\.\d+\.\d+/);
    expect(proxy!.image).toMatch(/^caddy:\d+\.\d+\.\d+/);
    expect(backends!.command).toEqual(['node', 'dist/reference-backends/main.js']);
    expect(existsSync(new URL('src/reference-backends/main.ts', root))).toBe(true);
  });

  it('mounts a gateway config that validates with the environment compose gives it, shares Redis and reaches the backends service', () => {
    const mount = gateway!.volumes!.find((v) => v.endsWith(':/config/gateway.json:ro'))!;
    const env = environmentOf(gateway!);
    expect(env.GATEWAY_CONFIG).toBe('/config/gateway.json');
    const config = parseConfig(JSON.parse(read(mount.split(':')[0]!)), { env, production: true });
    expect(config.redisUrl).toBe('redis://redis:6379');
    expect(config.backends.map((b) => new URL(b.baseUrl).hostname)).toEqual(['backends', 'backends', 'backends', 'backends']);
    expect(config.backends.map((b) => new URL(b.baseUrl).port)).toEqual(['7001', '7002', '7003', '7004']);
    expect(config.auth?.apiKeys).toHaveLength(1);
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('pins its Node LTS base image by exact version in every stage', () => {
    const bases = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(bases.length).toBeGreaterThanOrEqual(2);
    for (const base of bases) expect(base).toMatch(/^node:\d*[02468]\.\d+\.\d+-[a-z]+-slim$/);
    expect(new Set(bases).size).toBe(1);
  });

  it('checks /healthz with node and starts the compiled gateway in production', () => {
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n?.*CMD \["node", "-e", ".*\/healthz/m);
    expect(dockerfile).toContain('ENV NODE_ENV=production');
    expect(dockerfile).toContain('CMD ["node", "dist/main.js"]');
    expect(dockerfile).toContain('USER node');
  });

  it('sends only what the build needs as context', () => {
    const ignored = read('.dockerignore').split('\n').filter((line) => line && !line.startsWith('#'));
    expect(ignored[0]).toBe('*');
    expect(ignored.slice(1).sort()).toEqual(['!package-lock.json', '!package.json', '!src/', '!tsconfig.build.json', '!tsconfig.client.json', '!tsconfig.json']);
  });
});
