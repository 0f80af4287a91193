/**
 * The web fonts' table is worked out from the @fontsource packages once and kept: a later process
 * reads it back instead of the packages' CSS, and gets the same table. (The store is held in
 * memory here, so that no other test's processes read what this one puts in it.)
 */
import { describe, expect, it, vi } from 'vitest';

const store = new Map<string, string>();
vi.doMock('../../../src/render/html/kept-files.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../src/render/html/kept-files.ts')>()),
  readKept: async (folder: string, name: string) => store.get(`${folder}/${name}`) ?? null,
  keep: async (folder: string, name: string, text: string) => void store.set(`${folder}/${name}`, text),
}));

/** The table as a new process gets it. */
const fresh = async () => {
  vi.resetModules();
  return (await import('../../../src/render/html/web-font-table.ts')).webFonts();
};

describe('the web fonts table', () => {
  it('holds every slice of the three families, and is read back as it was kept', async () => {
    const made = await fresh();
    expect(new Set(made.faces.map((f) => f.family))).toEqual(new Set(['nb-serif', 'nb-sans', 'nb-kai']));
    expect(made.faces.filter((f) => f.range).length).toBeGreaterThan(100);
    // 中 is in some slice.
    expect(made.spans.some(([a, b]) => a <= 0x4e2d && 0x4e2d <= b)).toBe(true);
    expect([...store.keys()]).toEqual([expect.stringMatching(/^web-fonts\/[0-9a-f]{32}\.json$/)]);

    expect({ ...(await fresh()), byPoint: null }).toEqual({ ...made, byPoint: null });
    // What a later process gets is what was kept: a mark put into it comes back.
    const [key, text] = [...store][0]!;
    store.set(key, JSON.stringify({ ...JSON.parse(text), widest: -1 }));
    expect((await fresh()).widest).toBe(-1);
  });
});
