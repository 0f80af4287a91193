/** The review dashboard names a failing member as failing (with file:line:col) and a missing year as missing. */
import { describe, expect, it } from 'vitest';
import { renderDashboard } from '../../src/groups/dashboard.ts';
import { PACKAGE_ROOT } from '../../src/options.ts';
import { fixtureData, loadGroupYear } from './group-helpers.ts';
import path from 'node:path';

const render = (g: Awaited<ReturnType<typeof loadGroupYear>>, dataDir: string) =>
  renderDashboard(g, { templatesDir: path.join(PACKAGE_ROOT, 'templates'), agencyDir: path.join(dataDir, 'groups') });

const ENTITIES: Record<string, string> = { '&#x3D;': '=', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#x60;': '`' };

/** The dashboard's row of one member, its text with the entities Handlebars wrote decoded. */
const rowOf = (html: string, agencyId: string) => {
  const m = new RegExp(`<tr data-agency="${agencyId}" data-status="(\\w+)">([\\s\\S]*?)</tr>`).exec(html);
  if (!m) throw new Error(`no row for ${agencyId}`);
  return { status: m[1], html: m[2]!.replace(/&#x3D;|&amp;|&lt;|&gt;|&quot;|&#x27;|&#x60;/g, (e) => ENTITIES[e]!) };
};

describe('a member whose file fails the gate', () => {
  it('is listed as failing with each finding at its file:line:col, and no summary is made', async () => {
    const data = fixtureData('group-member-failing');
    const g = await loadGroupYear(data, 'demo-city', 2023);
    expect(g.members.map((m) => [m.agencyId, m.status])).toEqual([
      ['demo-county', 'passed'],
      ['broken-town', 'failed'],
    ]);
    expect(g.summary).toBeNull();
    const html = await render(g, data);
    const broken = rowOf(html, 'broken-town');
    expect(broken.status).toBe('failed');
    expect(broken.html).toContain('未通过');
    expect(broken.html).toContain('2 个错误');
    expect(broken.html).toMatch(/broken-town\/2023\.yaml:44:13<\/code> 总计：本年新收 10 \+ 上年结转 3 = 13，办理结果总计 11 \+ 结转下年度 1 = 12，相差 1/);
    expect(broken.html).toContain('[requests-balance]');
    expect(rowOf(html, 'demo-county').status).toBe('passed');
    expect(html).toContain('未生成汇总报告：有成员机关的报告未通过检查');
    expect(html).not.toContain('href="report.pdf"');
  }, 30_000);
});

describe('a member with no file for the year', () => {
  it('is listed as missing, and the summary sums the others and names it', async () => {
    const data = fixtureData('group-member-missing');
    const g = await loadGroupYear(data, 'demo-city', 2023);
    expect(g.members.map((m) => [m.agencyId, m.status])).toEqual([
      ['demo-county', 'passed'],
      ['late-town', 'missing'],
    ]);
    const html = await render(g, data);
    const late = rowOf(html, 'late-town');
    expect(late.status).toBe('missing');
    expect(late.html).toContain('未报送');
    expect(late.html).toContain('没有 2023 年度的数据文件（late-town/2023.yaml）');
    expect(html).toContain('未报送 2023 年度报告：示例县迟报镇人民政府。');
    // The summary is made of the member that reported, and says who is missing.
    expect(g.summary!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(g.summary!.model!.preamble.map((b) => JSON.stringify(b)).join()).toContain('示例县迟报镇人民政府未报送2023年度报告，未计入本汇总');
    expect(html).toContain('href="report.pdf"');
    expect(html).toContain('2023年度只计入了 2 个成员中的 1 个');
  }, 30_000);
});
