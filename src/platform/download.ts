const MIME: Record<string, string> = {
  csv: 'text/csv',
  parquet: 'application/vnd.apache.parquet',
  jsonl: 'application/jsonl',
  arrow: 'application/vnd.apache.arrow.file',
  zip: 'application/zip',
  json: 'application/json',
  svg: 'image/svg+xml',
  png: 'image/png',
  html: 'text/html',
};

/** Hands bytes to the browser as a file download. */
export function downloadBytes(fileName: string, bytes: Uint8Array | string): void {
  const ext = fileName.slice(fileName.lastIndexOf('.') + 1);
  downloadBlob(fileName, new Blob([bytes as BlobPart], { type: MIME[ext] ?? 'application/octet-stream' }));
}

/** Hands a blob (or a disk-backed File) to the browser as a file download. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // A large file is read as it is saved: keep its address a while.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
