import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/load/source-file.ts';

const parse = (text: string | Uint8Array) => parseSource('f.yaml', '/f.yaml', text);

describe('parseSource', () => {
  it('reads a UTF-8 file with a BOM, columns unchanged', () => {
    const file = parse(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('name: 神木\nyear: 2023\n')]));
    expect(file.diagnostics).toEqual([]);
    expect(file.data).toEqual({ name: '神木', year: 2023 });
    expect(file.locate(['year'])).toEqual({ file: 'f.yaml', line: 2, column: 7 });
  });

  it('refuses GBK, pointing at the first bad byte', () => {
    // “name: 神木” in GBK: 神 = C9 F1, 木 = C4 BE.
    const file = parse(new Uint8Array([...new TextEncoder().encode('year: 2023\nname: '), 0xc9, 0xf1, 0xc4, 0xbe, 0x0a]));
    expect(file.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(['file-encoding@2:7']);
    expect(file.data).toBeUndefined();
  });

  it('names a duplicated key and where it first appeared', () => {
    const [d] = parse('a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\n').diagnostics;
    expect(d).toMatchObject({ code: 'yaml-duplicate-key', line: 5, column: 3, message: '字段“c”在同一层级中重复出现（第一次出现在第 3 行）；只保留一个' });
    expect(d!.related).toEqual([{ file: 'f.yaml', line: 3, column: 3, message: '“c”第一次出现的位置' }]);
  });

  it.each<[string, string, string]>([
    ['an unclosed bracket', 'a: [1, 2\nb: 3\n', 'yaml-syntax@2:1 YAML 语法错误：方括号 [ ] 没有闭合，或换行后的续行缩进不够'],
    ['an unclosed quote, at the quote', 'a: 1\nb: "abc\nc: 2\nd: 3\n', 'yaml-syntax@2:4 YAML 语法错误：引号没有闭合：值以引号开头时，须以同样的引号结尾'],
    ['a tab, once', 'a:\n\tb: 1\n\tc: 2\n', 'yaml-syntax@2:1 YAML 语法错误：不能用 Tab 缩进，请改用空格'],
    ['a colon in a value', 'a: b: c\n', 'yaml-syntax@1:4 YAML 语法错误：一行中出现了两个“字段: 值”；值中含有“: ”时请给整个值加引号，或检查上一行的缩进'],
    ['a missing space after the colon', 'a:1\nb: 2\n', 'yaml-syntax@1:1 YAML 语法错误：字段名不能跨行：可能是冒号后缺少空格（应写成“字段: 值”），或缩进不对'],
    ['a backslash in double quotes', 'a: "C:\\data"\n', 'yaml-syntax@1:7 YAML 语法错误：双引号中的反斜杠 \\ 后是无效的转义字符（如路径 C:\\data）；请改用单引号，或把 \\ 写成 \\\\'],
  ])('reports %s in Chinese', (_, text, expected) => {
    expect(parse(text).diagnostics.map((d) => `${d.code}@${d.line}:${d.column} ${d.message}`)).toEqual([expected]);
  });

  describe('locateText', () => {
    it.each<[string, string, number, [number, number]]>([
      ['a literal block', 'a:\n  t: |\n    第一段 35 件\n    第二段12件\n', 12, [4, 8]],
      ['a folded block', 't: >\n  折叠的\n  第二行 7 件\n', 8, [3, 7]],
      ['a plain scalar', 't: 共收到 12 件\n', 4, [1, 8]],
      ['a double-quoted scalar', 't: "共\\t收到 3 件"\n', 5, [1, 11]],
      ['a single-quoted scalar', "t: '它''s 4 件'\n", 4, [1, 10]],
    ])('in %s', (_, text, index, [line, column]) => {
      const file = parse(text);
      const dataPath = text.startsWith('a:') ? ['a', 't'] : ['t'];
      expect(file.locateText(dataPath, index)).toEqual({ file: 'f.yaml', line, column });
    });

    it('falls back to the value when the path is not a string', () => {
      expect(parse('t: [1, 2]\n').locateText(['t'], 3)).toEqual({ file: 'f.yaml', line: 1, column: 4 });
    });
  });

  it('locates keys and values, or the nearest ancestor', () => {
    const file = parse('a:\n  b: [1, 2]\n');
    expect(file.locateKey(['a', 'b'])).toEqual({ file: 'f.yaml', line: 2, column: 3 });
    expect(file.locate(['a', 'b', 1])).toEqual({ file: 'f.yaml', line: 2, column: 10 });
    expect(file.locate(['a', 'missing'])).toEqual({ file: 'f.yaml', line: 2, column: 3 });
  });
});
