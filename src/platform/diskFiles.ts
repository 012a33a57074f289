import { DISK_RUNS_FOLDER } from '../engine/client';
import { downloadBlob } from './download';

/** A file of a run written to disk (origin-private file system): backed by the disk, not memory. */
async function runFile(folder: string, fileName: string): Promise<File> {
  const root = await navigator.storage.getDirectory();
  const runs = await root.getDirectoryHandle(DISK_RUNS_FOLDER);
  const dir = await runs.getDirectoryHandle(folder);
  return (await dir.getFileHandle(fileName)).getFile();
}

/** Downloads a file of a run written to disk; the browser reads it from disk as it saves it. */
export async function downloadRunFile(folder: string, fileName: string): Promise<void> {
  downloadBlob(fileName, await runFile(folder, fileName));
}

type DirectoryPicker = (options: { mode: 'readwrite'; id?: string }) => Promise<FileSystemDirectoryHandle>;
type Writable = WritableStream<Uint8Array>;

/** True where the browser lets a page write into a folder the user picks (File System Access API). */
export const canSaveToFolder = () => typeof (window as unknown as { showDirectoryPicker?: unknown }).showDirectoryPicker === 'function';

/**
 * Copies a run's files into a folder the user picks, each streamed from disk to disk.
 * Resolves false when the user closes the picker; other failures (permission, a full
 * disk) are thrown.
 */
export async function saveRunToFolder(folder: string, fileNames: readonly string[], onFile: (index: number) => void): Promise<boolean> {
  let target: FileSystemDirectoryHandle;
  try {
    target = await (window as unknown as { showDirectoryPicker: DirectoryPicker }).showDirectoryPicker({ mode: 'readwrite', id: 'disk-run' });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') return false;
    throw e;
  }
  for (const [i, name] of fileNames.entries()) {
    onFile(i);
    const file = await runFile(folder, name);
    const handle = await target.getFileHandle(name, { create: true });
    const writable = (await (handle as unknown as { createWritable(): Promise<Writable> }).createWritable());
    await file.stream().pipeTo(writable);
  }
  return true;
}

/** Removes a run's files from this browser. */
export async function removeRunFolder(folder: string): Promise<void> {
  const root = await navigator.storage.getDirectory();
  const runs = await root.getDirectoryHandle(DISK_RUNS_FOLDER);
  await runs.removeEntry(folder, { recursive: true });
}
