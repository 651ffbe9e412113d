import type { ServerResponse } from 'node:http';

// Each source beyond 'self' is here because the bundled IDE fails without it:
// - style-src 'unsafe-inline': Monaco adds <style> elements at run time (theme
//   and token colours) and GraphiQL's Radix/framer-motion widgets set inline
//   styles; CSS cannot run script, so this does not reopen script injection.
// - font-src data: / img-src data: GraphiQL's stylesheet embeds its Roboto and
//   Fira Code fonts and a few icons as data: URIs instead of separate files.
// - worker-src 'self': Monaco's language workers are bundled files under
//   /assets/ and started from there; no blob: workers are created.
// Everything else, scripts included, is same-origin only, and nothing may
// frame the page.
export const IDE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function setIdeSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', IDE_CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
}
