/**
 * The 2021 national format of the annual report (国办公开办函〔2021〕30号) as data: headings,
 * table rows and columns with their exact labels. The schema, the checks, the renderers and
 * `nianbao new` all read it from here.
 */
export * from './sections.ts';
export * from './proactive-table.ts';
export * from './requests-table.ts';
export * from './appeals-table.ts';
