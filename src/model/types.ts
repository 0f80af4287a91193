/**
 * The shape of the data files, as read from YAML after the schema has accepted them.
 * `data/<agency-id>/agency.yaml` is an {@link AgencyFile}; `data/<agency-id>/<year>.yaml` a {@link YearFile}.
 * Narrative fields hold a small Markdown subset: paragraphs, **bold**, `##`/`###` sub-heads.
 */

/** Six applicant columns in table order, optionally followed by the row's 总计. */
export type ApplicantRow = number[];
/** 维持, 纠正, 其他, 尚未审结, optionally followed by 总计. */
export type AppealRow = number[];
/** 本年制发件数, 本年废止件数, 现行有效件数. */
export type DocumentRow = [number, number, number];

export interface Contact {
  /** 承办科室, e.g. 政府信息公开科 */
  office?: string;
  address?: string;
  postcode?: string;
  phone?: string;
  email?: string;
}

/** Title patterns; placeholders {机关名称} {简称} {年度} {报告标题}. */
export interface TitlePatterns {
  report?: string;
  letter?: string;
  document?: string;
}

export interface AgencyFile {
  /** 机关全称: 神木市人民政府 */
  name: string;
  /** 简称: 神木市政府 */
  shortName?: string;
  /** 发文机关标志 */
  letterhead?: {
    /** On the 函 (信函格式), e.g. 神木市政府信息综合室; defaults to `name`. */
    letter?: string;
    /** On the numbered report, e.g. 神木市锦界镇人民政府文件; defaults to `name` + 文件. */
    document?: string;
  };
  /** 发文字号的机关代字, e.g. 锦政字 */
  docNumberPrefix?: string;
  /** Default 主送机关. */
  recipients?: {
    letter?: string;
    document?: string;
  };
  /** Default 签发人 of upward numbered reports. */
  signer?: string;
  /** Portal address, e.g. https://www.shuozhou.gov.cn */
  portal?: string;
  contact?: Contact;
  titles?: TitlePatterns;
}

export interface OverviewItem {
  /** Wording after （一）; defaults to the format's. */
  title?: string;
  text: string;
}

export interface Overview {
  /** Paragraphs before （一）. */
  intro?: string;
  /** `block`: （一）… on a line of its own; `runIn`: （一）…。 opens the first paragraph. */
  subheads?: 'block' | 'runIn';
  proactive: OverviewItem;
  onRequest: OverviewItem;
  management: OverviewItem;
  platform: OverviewItem;
  oversight: OverviewItem;
}

export interface ProactiveData {
  regulations: DocumentRow;
  normativeDocuments: DocumentRow;
  licensing: number;
  punishment: number;
  coercion: number;
  /** 万元 */
  fees: number;
}

export interface ResultsData {
  disclosed: ApplicantRow;
  partiallyDisclosed: ApplicantRow;
  withheld: Record<
    | 'stateSecret'
    | 'prohibitedByLaw'
    | 'threeSecurities'
    | 'thirdPartyRights'
    | 'internalAffairs'
    | 'processInformation'
    | 'enforcementFiles'
    | 'queryMatters',
    ApplicantRow
  >;
  unavailable: Record<'notHeld' | 'needsCreation' | 'unclearAfterCorrection', ApplicantRow>;
  notProcessed: Record<'petitions' | 'repeated' | 'publications' | 'massRepeated' | 'confirmation', ApplicantRow>;
  otherHandling: Record<'overdueCorrection' | 'unpaidFees' | 'other', ApplicantRow>;
  /** （七）总计, optional: computed, checked when written. */
  total?: ApplicantRow;
}

export interface RequestsData {
  received: ApplicantRow;
  carriedOver: ApplicantRow;
  results: ResultsData;
  carriedForward: ApplicantRow;
}

export interface AppealsData {
  review: AppealRow;
  litigationDirect: AppealRow;
  litigationAfterReview: AppealRow;
}

export interface Signature {
  /** 署名; defaults to the agency's name. */
  name?: string;
  /** YYYY-MM-DD */
  date?: string;
}

/** The 函 that sends the report upward (信函格式). */
export interface LetterData {
  /** 发文机关标志 of the letter; defaults to agency.letterhead.letter. */
  letterhead?: string;
  /** 主送机关; defaults to agency.recipients.letter. */
  recipient?: string;
  /** Full 发文字号 of the letter, e.g. 神信函〔2024〕3号 (optional). */
  number?: string;
  /** Body; defaults to 现将《报告标题》随文报来，请予审查。 */
  body?: string;
  /** 署名 defaults to the letterhead. */
  signature: Signature & { date: string };
}

/** 行文方向 of a numbered document; see src/model/direction.ts for the default. */
export type DocumentDirection = 'upward' | 'parallel' | 'downward';

/** The red-header numbered report (红头文件). */
export interface DocumentData {
  /** 发文字号: 锦政字〔2024〕24号 is {year: 2024, number: 24} with agency.docNumberPrefix 锦政字. */
  number: { prefix?: string; year: number; number: number };
  /** 主送机关; defaults to agency.recipients.document. */
  recipient?: string;
  /** 上行文, 平行文 or 下行文; by default a 报告 or 请示 is 上行文. */
  direction?: DocumentDirection;
  /** 签发人 (shown on a 上行文 only); defaults to agency.signer. */
  signer?: string;
  /** Paragraphs between 主送机关 and 一、总体情况. */
  opening?: string;
  /** 结束语, e.g. 专此报告。 */
  closing?: string;
  /** 署名 and 成文日期; the name defaults to the agency's. */
  signature?: Signature;
  /** 抄送机关. */
  cc?: string[];
  /** 印发机关和印发日期 of the 版记. */
  printed?: { by: string; date: string };
}

export interface YearFile {
  year: number;
  /** Paragraphs before 一、总体情况 (portal reports often explain the basis and period here). */
  preamble?: string;
  overview: Overview;
  proactive: ProactiveData;
  requests: RequestsData;
  appeals: AppealsData;
  /** 五、存在的主要问题及改进情况 */
  problems: string;
  /** 六、其他需要报告的事项 (including 信息处理费) */
  otherMatters: string;
  /** 署名 and date of the plain published report. */
  signature?: Signature;
  letter?: LetterData;
  document?: DocumentData;
}
