/**
 * Saves a file the way a web page can: a Blob behind a temporary link with `download`. Browser mode:
 * the browser's download. The desktop window: Electron's own handling of a download it was not told
 * about (no 'will-download' handler in src-main) is a save dialog.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the click has been handled (revoking at once can cancel the download).
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
