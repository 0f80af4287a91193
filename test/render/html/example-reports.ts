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

/** Every agency folder of data/ that holds an agency.yaml and at least one year. */
export function exampleAgencyIds(): string[] {
  return fs
    .readdirSync(DATA_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(DATA_DIR, e.name, 'agency.yaml')))
    .filter((e) => fs.readdirSync(path.join(DATA_DIR, e.name)).some((f) => /^\d{4}\.yaml$/.test(f)))
    .map((e) => e.name)
    .sort();
}
