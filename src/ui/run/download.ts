// Saving a Blob as a download (an object URL clicked through a temporary link), and file-name hygiene.
export function safeFileName(name: string): string {
  const cleaned = [...name.trim()].map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '-' : c)).join('').replace(/\s+/g, ' ');
  return cleaned === '' ? 'scenario' : cleaned.slice(0, 120);
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
