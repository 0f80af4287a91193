/** The example agencies of data/, read straight from YAML into ReportModels (no gate needed). */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { buildReportModel, type ReportModel } from '../../../src/model/report-model.ts';
import type { AgencyFile, YearFile } from '../../../src/model/types.ts';
import { PACKAGE_ROOT } from '../../../src/options.ts';

export const DATA_DIR = path.join(PACKAGE_ROOT, 'data');
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');

export interface ExampleReport {
  agencyId: string;
  agencyDir: string;
  year: number;
  data: YearFile;
  model: ReportModel;
}

const readYaml = <T>(file: string): T => parse(fs.readFileSync(file, 'utf8')) as T;

export function loadExample(agencyId: string, year?: number): ExampleReport {
  const agencyDir = path.join(DATA_DIR, agencyId);
  const y = year ?? Math.max(...fs.readdirSync(agencyDir).filter((f) => /^\d{4}\.yaml$/.test(f)).map((f) => Number(f.slice(0, 4))));
  const agency = readYaml<AgencyFile>(path.join(agencyDir, 'agency.yaml'));
  const data = readYaml<YearFile>(path.join(agencyDir, `${y}.yaml`));
  return { agencyId, agencyDir, year: y, data, model: buildReportModel(agencyId, agency, data) };
}

/**
 * The five example agencies of data/, by id. Tests name them rather than list data/: an office
 * keeps its own agencies beside them, and those are judged by `nianbao check`, not by `npm test`.
 */
export const EXAMPLE_AGENCIES = ['jinjie', 'shenmu', 'shizuishan-office', 'shuozhou-office', 'xinxiang-office'] as const;

export function exampleAgencyIds(): string[] {
  return [...EXAMPLE_AGENCIES];
}
