/** Hands a file built in the page to the browser's download; the Forge frame's sandbox allows downloads. */
export function saveFile(name: string, parts: readonly string[], type: string): void {
  const url = URL.createObjectURL(new Blob([...parts], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: the download has taken its own reference to the blob by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
