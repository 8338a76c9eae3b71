/**
 * Saves the table's text as a file, through the one way the page saves files (export/download.ts:
 * browser mode's download, the desktop window's save dialog).
 */
import { saveBlob } from '../export/download';

export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  // The byte-order mark makes spreadsheets read the file as UTF-8 (names in any script survive).
  saveBlob(new Blob(['\ufeff', text], { type }), fileName);
}
