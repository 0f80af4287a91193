/**
 * The typeface roles of GB/T 9704-2012 and, for each, the official fonts that fill it (matched by
 * the names in the font's own name table), the free web font used when none is found, and the
 * names the DOCX gives it with the chain of alternates Word and WPS fall back along.
 */

export type FontRole = 'xiaobiaosong' | 'fangsong' | 'heiti' | 'kaiti' | 'songti';

/** A free font shipped with nianbao (an @fontsource package); its CSS family in the print CSS. */
export type WebFamily = 'nb-serif' | 'nb-sans' | 'nb-kai';

export interface RoleSpec {
  role: FontRole;
  /** What the role is used for, as the summary names it. */
  use: string;
  /** The font GB/T 9704 asks for. */
  official: string;
  /**
   * Family, full or PostScript names of fonts that fill the role, preferred first. Compared
   * ignoring case, spaces, hyphens and underscores.
   */
  names: readonly string[];
  /** The free font used when no official one is found. */
  fallback: { family: WebFamily; name: string };
  /**
   * The DOCX: the name its styles give the role, then the alternates (fontTable.xml's altName
   * chain) that Word and WPS on Windows resolve when the first is not installed.
   */
  docx: readonly string[];
}

const SERIF = { family: 'nb-serif', name: '思源宋体（Noto Serif SC）' } as const;

export const ROLE_SPECS: readonly RoleSpec[] = [
  {
    role: 'xiaobiaosong',
    use: '发文机关标志和标题',
    official: '方正小标宋简体',
    names: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'FZXiaoBiaoSong-B05', 'FZXBSJW--GB1-0', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05K'],
    fallback: SERIF,
    docx: ['方正小标宋简体', '宋体', 'SimSun'],
  },
  {
    role: 'fangsong',
    use: '正文',
    official: '仿宋_GB2312',
    names: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', '方正仿宋_GBK', 'FZFangSong-Z02K', 'FZFangSong-Z02S'],
    fallback: SERIF,
    docx: ['仿宋_GB2312', '仿宋', 'FangSong'],
  },
  {
    role: 'heiti',
    use: '一级标题',
    official: '黑体',
    names: ['黑体', 'SimHei', '方正黑体_GBK', 'FZHei-B01K', 'FZHei-B01S', '方正黑体简体'],
    fallback: { family: 'nb-sans', name: '思源黑体（Noto Sans SC）' },
    docx: ['黑体', 'SimHei'],
  },
  {
    role: 'kaiti',
    use: '二级标题',
    official: '楷体_GB2312',
    names: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', '方正楷体_GBK', 'FZKai-Z03K', 'FZKai-Z03S'],
    fallback: { family: 'nb-kai', name: '霞鹜文楷（LXGW WenKai）' },
    docx: ['楷体_GB2312', '楷体', 'KaiTi'],
  },
  {
    role: 'songti',
    use: '页码',
    official: '宋体',
    names: ['宋体', 'SimSun', '方正书宋_GBK', 'FZShuSong-Z01K'],
    fallback: SERIF,
    docx: ['宋体', 'SimSun'],
  },
];

/** `FangSong_GB2312`, `fangsong gb2312` and `FANGSONG-GB2312` are one name. */
export const normaliseFontName = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/[\s_\-]+/g, '');
