import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ScenarioError } from '../engine';
import { FS_ERRORS } from './usage';

/**
 * Makes a folder and any parents it needs, one level at a time; a folder that cannot be made
 * is E115. Node's recursive mkdir loops forever where a parent cannot hold folders and answers
 * ENOENT: `--out /proc/x` spun at 100% CPU with no end.
 */
export function makeDir(path: string): void {
  try {
    makeDirs(resolve(path));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (!err.code) throw e;
    const why = err.code === 'ENOENT' ? 'that folder cannot be made there (or a link there leads nowhere)' : (FS_ERRORS[err.code] ?? err.message);
    throw new ScenarioError([{ code: 'E115', field: '--out', message: `${why} (${path})` }]);
  }
}

function makeDirs(full: string): void {
  try {
    mkdirSync(full);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // A folder already there is fine; a file or a dangling link there is not.
    if (code === 'EEXIST' && statSync(full).isDirectory()) return;
    if (code !== 'ENOENT' || dirname(full) === full) throw e;
  }
  makeDirs(dirname(full));
  mkdirSync(full);
}
