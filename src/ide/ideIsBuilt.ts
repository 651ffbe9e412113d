import { statSync } from 'node:fs';
import { join } from 'node:path';

export const IDE_BUILD_COMMAND = 'npm run build:ide';

// index.html is written last by Vite, so its presence means a complete build.
export function ideIsBuilt(distDir: string): boolean {
  try {
    return statSync(join(distDir, 'index.html')).isFile();
  } catch {
    return false;
  }
}
