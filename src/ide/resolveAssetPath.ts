import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * Maps a URL pathname under /assets/ to a file inside distDir, or null when the
 * path could point anywhere else. Callers pass the raw pathname: decoding is
 * done here so `%2e%2e%2f` cannot slip past a check done before decoding.
 */
export function resolveAssetPath(distDir: string, pathname: string): string | null {
  if (!pathname.startsWith('/assets/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  // Backslashes are separators on Windows; NUL truncates paths in some syscalls.
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.some((segment) => segment === '..' || segment === '.' || segment === '')) return null;
  const root = resolve(distDir);
  const candidate = resolve(join(root, ...segments));
  const rel = relative(root, candidate);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return null;
  return candidate;
}
