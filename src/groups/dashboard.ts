/** Renders the review dashboard of a group and year from templates/dashboard/. */
import { loadTemplates } from '../render/html/handlebars.ts';
import type { TemplateDirs } from '../render/html/template-files.ts';
import { dashboardView } from './dashboard-view.ts';
import type { GroupYear } from './group-year.ts';

const DASHBOARD_TEMPLATE = 'dashboard/page.hbs';
const DASHBOARD_CSS = 'dashboard/page.css';

export async function renderDashboard(g: GroupYear, dirs: TemplateDirs): Promise<string> {
  const templates = await loadTemplates(dirs);
  return templates.render(DASHBOARD_TEMPLATE, dashboardView(g, templates.styleSheet(DASHBOARD_CSS)));
}
