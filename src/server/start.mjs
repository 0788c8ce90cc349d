// `npm run classroom`'s entry point: starts the server (main.ts) quickly. The server is TypeScript,
// run through tsx's loader; that loader looks at every module loaded after it is registered, which
// makes packages of hundreds of small modules slow to load (Kysely about 0.5 s of CPU instead of
// 0.2, zod's 0.3 instead of 0.06). So the large packages the server needs are loaded first, by
// Node alone, then the loader is registered and the server loaded: they are then found already
// loaded. The PostgreSQL driver is left to load when DATABASE_URL asks for it.
await Promise.all(
  [
    'kysely',
    'zod/mini',
    'fastify',
    '@fastify/helmet',
    '@fastify/rate-limit',
    '@fastify/static',
    '@fastify/cors',
    'libsql',
  ].map((name) => import(name)),
);
const { register } = await import('tsx/esm/api');
register();
await import('./main.ts');
