import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FALLBACK_QUERY, graphqlNameFromFile, nameAnonymousOperation, toExampleTabs } from '../../ide/src/exampleTabs.js';
import { contentTypeFor } from '../../src/ide/contentTypes.js';
import { prefersHtml } from '../../src/ide/prefersHtml.js';
import { resolveAssetPath } from '../../src/ide/resolveAssetPath.js';
import { IDE_CONTENT_SECURITY_POLICY } from '../../src/ide/securityHeaders.js';
import { createIdeHandler, ideIsBuilt, type IdeHandler } from '../../src/ide/serveIde.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const distDir = join(repoRoot, 'dist', 'ide');
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
const FALLTHROUGH_HEADER = 'x-test-fallthrough';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

// Starts a real server whose API part only marks that the IDE let the request through.
async function startServer(handler: IdeHandler): Promise<{ server: Server; port: number }> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    handler(req, res).then(
      (handled) => {
        if (handled) return;
        res.statusCode = 404;
        res.setHeader(FALLTHROUGH_HEADER, 'api');
        res.end('api 404');
      },
      (error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      },
    );
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  return { server, port: (server.address() as AddressInfo).port };
}

// node:http sends `path` byte for byte, so `..` and odd escapes reach the server
// exactly as an attacker would send them (fetch() would normalise them away).
function send(port: number, method: string, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolveReply, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolveReply({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function closeServer(server: Server | undefined): Promise<void> {
  return new Promise((resolveClose) => (server ? server.close(() => resolveClose()) : resolveClose()));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('IDE handler over the real build', () => {
  let server: Server | undefined;
  let port = 0;
  let indexHtml = '';

  beforeAll(async () => {
    if (!ideIsBuilt(distDir)) {
      const build = spawnSync(process.execPath, [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'ide/vite.config.ts'], {
        cwd: repoRoot,
        // Vitest exports NODE_ENV=test, which Vite would honour by bundling
        // React's development build; the IDE under test must be the real one.
        env: { ...process.env, NODE_ENV: 'production' },
        encoding: 'utf8',
        timeout: 240_000,
      });
      if (build.status !== 0) throw new Error(`IDE build failed:\n${build.stdout}\n${build.stderr}`);
    }
    indexHtml = readFileSync(join(distDir, 'index.html'), 'utf8');
    ({ server, port } = await startServer(createIdeHandler({ distDir, enabled: true })));
  }, 300_000);

  afterAll(() => closeServer(server));

  it('serves index.html at / with the IDE title, no-cache and the strict CSP', async () => {
    const reply = await send(port, 'GET', '/');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-cache');
    expect(reply.headers['content-security-policy']).toBe(IDE_CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.body.toString('utf8')).toBe(indexHtml);
    expect(indexHtml).toContain('<title>taawun — GraphQL IDE</title>');
  });

  it('pins the CSP to same-origin sources plus the data: fonts and images GraphiQL embeds', () => {
    expect(IDE_CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; " +
        "img-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'",
    );
  });

  it('serves index.html at /graphql to a browser, varying on Accept', async () => {
    const reply = await send(port, 'GET', '/graphql', { accept: BROWSER_ACCEPT });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers.vary).toBe('Accept');
    expect(reply.headers['content-security-policy']).toBe(IDE_CONTENT_SECURITY_POLICY);
    expect(reply.body.toString('utf8')).toBe(indexHtml);
  });

  it.each([
    ['GET', '/graphql', { accept: 'application/json' }],
    ['GET', '/graphql', { accept: 'application/graphql-response+json, application/json' }],
    ['GET', '/graphql', { accept: '*/*' }],
    ['GET', '/graphql', {}],
    ['GET', '/graphql?query=%7B__typename%7D', { accept: BROWSER_ACCEPT }],
    ['GET', '/graphql?extensions=%7B%7D', { accept: BROWSER_ACCEPT }],
    ['POST', '/graphql', { accept: BROWSER_ACCEPT }],
    ['POST', '/', {}],
    ['GET', '/graphql/', { accept: BROWSER_ACCEPT }],
    ['GET', '/health', {}],
    ['GET', '/index.html', {}],
  ])('leaves %s %s (%j) to the API', async (method, path, headers) => {
    const reply = await send(port, method, path, headers);
    expect(reply.headers[FALLTHROUGH_HEADER]).toBe('api');
  });

  it('answers HEAD / with the headers of GET and no body', async () => {
    const reply = await send(port, 'HEAD', '/');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-length']).toBe(String(Buffer.byteLength(indexHtml)));
    expect(reply.body.length).toBe(0);
  });

  it('revalidates index.html with its ETag', async () => {
    const first = await send(port, 'GET', '/');
    const etag = first.headers.etag;
    expect(etag).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/);
    const second = await send(port, 'GET', '/', { 'if-none-match': etag ?? '' });
    expect(second.status).toBe(304);
    expect(second.body.length).toBe(0);
  });

  it('serves every built asset byte for byte with its content type and an immutable cache policy', async () => {
    const expectedTypes: Record<string, string> = {
      '.js': 'text/javascript; charset=utf-8',
      '.css': 'text/css; charset=utf-8',
      '.ttf': 'font/ttf',
    };
    const assets = listFiles(join(distDir, 'assets'));
    expect(assets.length).toBeGreaterThan(3);
    for (const file of assets) {
      const urlPath = `/${relative(distDir, file).split('\\').join('/')}`;
      const reply = await send(port, 'GET', urlPath);
      expect(reply.status, urlPath).toBe(200);
      expect(reply.headers['content-type'], urlPath).toBe(expectedTypes[extname(file)]);
      expect(reply.headers['cache-control'], urlPath).toBe('public, max-age=31536000, immutable');
      expect(reply.body.equals(readFileSync(file)), urlPath).toBe(true);
    }
  });

  it('finds every asset index.html references', async () => {
    const refs = [...indexHtml.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((match) => match[1]);
    expect(refs.length).toBeGreaterThanOrEqual(2);
    for (const ref of refs) {
      // The page is also served at /graphql: `./assets/x` resolves to `/assets/x` from both.
      expect(new URL(`./${ref}`, 'http://h/graphql').pathname).toBe(`/${ref}`);
      expect((await send(port, 'HEAD', `/${ref}`)).status).toBe(200);
    }
  });

  it('answers unknown files under /assets/ itself with 404', async () => {
    const reply = await send(port, 'GET', '/assets/missing-AbCdEf12.js');
    expect(reply.status).toBe(404);
    expect(reply.headers[FALLTHROUGH_HEADER]).toBeUndefined();
    expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  const traversals = [
    '/assets/../../package.json',
    '/assets/../index.html',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/assets/..%2f..%2fpackage.json',
    '/assets/%2E%2E%2F%2E%2E%2Fpackage.json',
    '/assets/..%5c..%5cpackage.json',
    '/assets/..\\..\\package.json',
    '/assets//etc/passwd',
    '/assets/%2fetc%2fpasswd',
    '/assets/x%00.js',
    '/assets/%E0%A4%A',
    '/assets/',
    '/assets/.',
    '/../package.json',
    '/graphql/../package.json',
  ];
  it.each(traversals)('never serves a file outside dist/ide/assets for %s', async (path) => {
    const reply = await send(port, 'GET', path);
    expect([404]).toContain(reply.status);
    expect(reply.body.toString('utf8')).not.toContain('"name": "taawun"');
    expect(reply.body.toString('utf8')).not.toContain('root:');
    expect(reply.body.toString('utf8')).not.toContain('<title>');
  });

  it('rejects escaping paths before touching the file system', () => {
    for (const path of traversals.filter((p) => p.startsWith('/assets/'))) {
      expect(resolveAssetPath(distDir, path), path).toBeNull();
    }
    expect(resolveAssetPath(distDir, '/assets/a-AbCdEf12.js')).toBe(join(distDir, 'assets', 'a-AbCdEf12.js'));
    expect(resolveAssetPath(distDir, '/index.html')).toBeNull();
  });

  describe('the built files fetch nothing from another origin', () => {
    // Only places where a browser would load the URL by itself are checked:
    // markup that loads a resource, CSS @import and url(), and JS that
    // imports, fetches or starts a worker from a literal URL. Links the user
    // may click (<a href>, GraphiQL's logo), error-message strings
    // (react.dev/errors/…), JSON-Schema ids and license comments name URLs
    // that are never requested, so they must not fail the check. Known CDN
    // hosts are refused anywhere outside comments, because a bundle only
    // names them when it means to load from them.
    const ABS = String.raw`(?:https?:|wss?:)?//`;
    const runtimeFetchPatterns: RegExp[] = [
      new RegExp(String.raw`<(?:script|img|iframe|frame|embed|source|audio|video|track|input)\b[^>]*\s(?:src|srcset|poster)\s*=\s*["']?\s*${ABS}`, 'i'),
      new RegExp(String.raw`<link\b[^>]*\shref\s*=\s*["']?\s*${ABS}`, 'i'),
      new RegExp(String.raw`<(?:object)\b[^>]*\sdata\s*=\s*["']?\s*${ABS}`, 'i'),
      new RegExp(String.raw`<base\b[^>]*\shref\s*=`, 'i'),
      new RegExp(String.raw`@import\s+(?:url\(\s*)?["']?\s*${ABS}`, 'i'),
      new RegExp(String.raw`url\(\s*["']?\s*${ABS}`, 'i'),
      new RegExp(String.raw`\b(?:import|importScripts|fetch|sendBeacon)\s*\(\s*["'\x60]\s*${ABS}`),
      new RegExp(String.raw`\bfrom\s*["'\x60]\s*${ABS}`),
      new RegExp(String.raw`\bnew\s+(?:Worker|SharedWorker|EventSource|WebSocket)\s*\(\s*["'\x60]\s*${ABS}`),
      new RegExp(String.raw`\bnew\s+URL\s*\(\s*["'\x60][^"'\x60]*["'\x60]\s*,\s*["'\x60]\s*${ABS}`),
      new RegExp(String.raw`\.open\s*\(\s*["'][A-Za-z]+["']\s*,\s*["'\x60]\s*${ABS}`),
      new RegExp(String.raw`\.(?:src|href)\s*=\s*["'\x60]\s*${ABS}`),
      new RegExp(String.raw`sourceMappingURL\s*=\s*${ABS}`),
      new RegExp(String.raw`setAttribute\(\s*["'](?:src|href)["']\s*,\s*["'\x60]\s*${ABS}`),
    ];
    const cdnHosts = /\b(?:unpkg\.com|(?:cdn|fastly)\.jsdelivr\.net|esm\.run|cdnjs\.cloudflare\.com|esm\.sh|fonts\.googleapis\.com|fonts\.gstatic\.com|cdn\.skypack\.dev|ga\.jspm\.io|jspm\.dev|cdn\.graphql\.org|embeddable-sandbox\.cdn\.apollographql\.com|apollo-server-landing-page\.cdn\.apollographql\.com)\b/i;

    function stripComments(text: string): string {
      // Only legal comments (`/*!`, `/**`) survive minification; stripping every
      // `/* … */` would also eat code between a "/*" and "*/" found inside
      // strings or regexes (glob patterns), hiding real loads.
      return text.replace(/\/\*[!*][\s\S]*?\*\//g, ' ').replace(/<!--[\s\S]*?-->/g, ' ');
    }

    function findRemoteLoads(text: string): string[] {
      const code = stripComments(text);
      const hits = runtimeFetchPatterns.flatMap((pattern) => {
        const global = new RegExp(pattern.source, `${pattern.flags}g`);
        return [...code.matchAll(global)].map((match) => code.slice(match.index, match.index + 120));
      });
      const cdn = code.match(cdnHosts);
      return cdn ? [...hits, `CDN host ${cdn[0]}`] : hits;
    }

    it('flags the loads it is meant to flag', () => {
      const positives = [
        '<script src="https://unpkg.com/graphiql/graphiql.min.js"></script>',
        '<link rel="stylesheet" href="//cdn.example.org/x.css">',
        '<img src=https://example.org/a.png>',
        '@import url("https://fonts.googleapis.com/css2?family=Roboto");',
        '.a{background:url(https://example.org/bg.png)}',
        "import('https://example.org/mod.js')",
        'import x from "https://example.org/mod.js"',
        "importScripts('https://example.org/w.js')",
        'fetch(`https://example.org/schema.json`)',
        "new Worker('https://example.org/w.js')",
        's.src="https://example.org/x.js"',
        'const u="https://esm.sh/monaco-editor"',
        '//# sourceMappingURL=https://example.org/a.js.map',
      ];
      for (const sample of positives) expect(findRemoteLoads(sample), sample).not.toEqual([]);
    });

    it('ignores URLs that are never requested', () => {
      const negatives = [
        '/*! Copyright (c) Microsoft. https://github.com/microsoft/vscode/blob/main/LICENSE.txt */',
        'var p="https://react.dev/errors/"+m;',
        'C.jsx("a",{href:"https://github.com/graphql/graphiql",target:"_blank"})',
        '<a href="https://github.com/graphql/graphiql">GraphiQL</a>',
        '{"$schema":"http://json-schema.org/draft-07/schema#"}',
        'e.setAttributeNS("http://www.w3.org/2000/svg","d",t)',
        "new Worker(new URL('editor.worker-AbCdEf12.js', import.meta.url))",
        '<script type="module" crossorigin src="./assets/index-AbCdEf12.js"></script>',
        '.a{src:url(data:font/woff2;base64,AAAA)}',
        '/*! loaded from https://unpkg.com in the CDN build only */',
      ];
      for (const sample of negatives) expect(findRemoteLoads(sample), sample).toEqual([]);
    });

    it('finds none in any built html, js or css file', () => {
      const files = listFiles(distDir).filter((file) => ['.html', '.js', '.css', '.mjs'].includes(extname(file)));
      expect(files.some((file) => file.endsWith('.html'))).toBe(true);
      expect(files.some((file) => /worker-[A-Za-z0-9_-]{8}\.js$/.test(file))).toBe(true);
      const offenders = files.flatMap((file) =>
        findRemoteLoads(readFileSync(file, 'utf8')).map((hit) => `${relative(distDir, file)}: ${hit}`),
      );
      expect(offenders).toEqual([]);
    });

    it("bundles React's production build", () => {
      const scripts = listFiles(distDir).filter((file) => file.endsWith('.js'));
      expect(scripts.filter((file) => readFileSync(file, 'utf8').includes('react.dev/link/react-devtools'))).toEqual([]);
    });

    it('ships no source maps', () => {
      expect(listFiles(distDir).filter((file) => file.endsWith('.map'))).toEqual([]);
    });
  });
});

describe('IDE handler without a build', () => {
  let server: Server | undefined;
  let port = 0;
  const emptyDist = mkdtempSync(join(tmpdir(), 'taawun-ide-missing-'));

  beforeAll(async () => {
    ({ server, port } = await startServer(createIdeHandler({ distDir: join(emptyDist, 'nope'), enabled: true })));
  });

  afterAll(async () => {
    await closeServer(server);
    rmSync(emptyDist, { recursive: true, force: true });
  });

  it('reports the build as missing', () => {
    expect(ideIsBuilt(join(emptyDist, 'nope'))).toBe(false);
    expect(ideIsBuilt(emptyDist)).toBe(false);
    expect(ideIsBuilt(distDir)).toBe(statSync(join(distDir, 'index.html'), { throwIfNoEntry: false })?.isFile() ?? false);
  });

  it('answers GET / with 503 and the command that builds the IDE', async () => {
    const reply = await send(port, 'GET', '/');
    expect(reply.status).toBe(503);
    expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(reply.body.toString('utf8')).toContain('npm run build:ide');
  });

  it('answers a browser at /graphql with the same 503', async () => {
    const reply = await send(port, 'GET', '/graphql', { accept: BROWSER_ACCEPT });
    expect(reply.status).toBe(503);
    expect(reply.body.toString('utf8')).toContain('npm run build:ide');
  });

  it('still leaves API requests to the API', async () => {
    const reply = await send(port, 'GET', '/graphql', { accept: 'application/json' });
    expect(reply.headers[FALLTHROUGH_HEADER]).toBe('api');
  });
});

describe('IDE handler when disabled', () => {
  it.each([
    ['GET', '/', BROWSER_ACCEPT],
    ['GET', '/graphql', BROWSER_ACCEPT],
    ['GET', '/assets/index-AbCdEf12.js', '*/*'],
  ])('returns false for %s %s', async (method, url, accept) => {
    const handler = createIdeHandler({ distDir, enabled: false });
    const req = { method, url, headers: { accept } } as IncomingMessage;
    const res = {} as ServerResponse;
    await expect(handler(req, res)).resolves.toBe(false);
  });
});

describe('prefersHtml', () => {
  it.each([
    [BROWSER_ACCEPT, true],
    ['text/html', true],
    ['text/html, application/json', true],
    ['application/json, text/html', false],
    ['text/html;q=0.5, application/json', false],
    ['application/json;q=0.5, text/html', true],
    ['application/graphql-response+json, application/json;q=0.9', false],
    ['*/*', false],
    ['text/*', false],
    ['text/html;q=0', false],
    ['', false],
    [undefined, false],
  ])('%j → %s', (accept, expected) => {
    expect(prefersHtml(accept)).toBe(expected);
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.wasm', 'application/wasm'],
    ['a.svg', 'image/svg+xml'],
    ['a.woff2', 'font/woff2'],
    ['a.ttf', 'font/ttf'],
    ['a.json', 'application/json; charset=utf-8'],
    ['index.html', 'text/html; charset=utf-8'],
    ['a.unknown', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('example operation tabs', () => {
  it('yields no tabs when the examples folder is empty or missing', () => {
    expect(toExampleTabs({})).toEqual([]);
    expect(FALLBACK_QUERY).toBe('{ __typename }');
  });

  it('sorts tabs by file name, ignoring case, and heads each with its file name', () => {
    const tabs = toExampleTabs({
      '../../examples/operations/b.graphql': 'query B { __typename }',
      '../../examples/operations/C.graphql': 'query C { __typename }',
      '../../examples/operations/a.graphql': 'query A { __typename }',
    });
    expect(tabs.map((tab) => tab.query)).toEqual([
      '# a.graphql\nquery A { __typename }',
      '# b.graphql\nquery B { __typename }',
      '# C.graphql\nquery C { __typename }',
    ]);
  });

  it('names an anonymous operation after its file so GraphiQL titles the tab with it', () => {
    expect(nameAnonymousOperation('{ agreements { id } }', 'list-agreements.graphql')).toBe(
      'query list_agreements { agreements { id } }',
    );
    expect(nameAnonymousOperation('# note\nquery ($id: ID!) { a(id: $id) }', 'by-id.graphql')).toBe(
      '# note\nquery by_id ($id: ID!) { a(id: $id) }',
    );
    expect(nameAnonymousOperation('mutation { x }', 'm.graphql')).toBe('mutation m { x }');
  });

  it('leaves named, multi-operation and unparsable documents as written', () => {
    expect(nameAnonymousOperation('query Named { a }', 'f.graphql')).toBe('query Named { a }');
    expect(nameAnonymousOperation('query A { a } query B { b }', 'f.graphql')).toBe('query A { a } query B { b }');
    expect(nameAnonymousOperation('{ broken', 'f.graphql')).toBe('{ broken');
  });

  it('turns file names into GraphQL names', () => {
    expect(graphqlNameFromFile('2024-summit.graphql')).toBe('_2024_summit');
    expect(graphqlNameFromFile('agreementsByPartner.graphql')).toBe('agreementsByPartner');
  });
});
