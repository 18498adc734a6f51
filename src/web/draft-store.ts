// The copy of unsaved text this browser keeps (localStorage) until the server acknowledges it,
// so a reload, a closed tab or a lost connection never loses words.
export interface Draft {
  text: string;
  /** The revision the text was edited from. */
  base: number;
  at: number;
}

export interface DraftStore {
  read(): Draft | undefined;
  write(text: string, base: number): void;
  remove(): void;
}

export function draftStore(artifactId: string, storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = localStorage): DraftStore {
  const key = `staffwork:draft:${artifactId}`;
  return {
    read() {
      try {
        const raw = storage.getItem(key);
        if (!raw) return undefined;
        const d = JSON.parse(raw) as Partial<Draft>;
        return typeof d.text === 'string' && typeof d.base === 'number' && typeof d.at === 'number' ? (d as Draft) : undefined;
      } catch {
        return undefined;
      }
    },
    write(text, base) {
      try {
        storage.setItem(key, JSON.stringify({ text, base, at: Date.now() } satisfies Draft));
      } catch {
        // Storage full or disabled: the server copy and autosave still protect the text.
      }
    },
    remove() {
      try {
        storage.removeItem(key);
      } catch {
        // As above.
      }
    },
  };
}
