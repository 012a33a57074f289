// Runs before `npm test`: installs the npm dependencies if they are missing, and
// Debian's Chromium where it can (root on Debian); elsewhere Playwright's own browser.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });

if (!existsSync('node_modules/.package-lock.json')) {
  console.log('ensure-setup: installing npm dependencies (npm ci)…');
  run('npm ci --no-audit --no-fund');
}

const debian = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].some((p) => existsSync(p));
if (!debian) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('ensure-setup: installing Debian Chromium for the browser tests…');
    run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null');
  } else {
    console.log('ensure-setup: no Debian Chromium; using Playwright’s browser (npx playwright install chromium if it is missing).');
  }
}
