/**
 * Fonts: which font fills each GB/T 9704 role (official from --fonts or the machine, else a free
 * web font), how that is reported, and the subsets the print documents load.
 */
export { resolveFonts, missingFonts, FontsError, type FontPlan, type FontChoice, type FoundFont } from './resolve.ts';
export { fontReport, formatFontReport, missingFontsMessage, type FontReportEntry } from './report.ts';
export { ROLE_SPECS, type FontRole, type WebFamily } from './roles.ts';
export { installedFonts, noSystemFonts, type SystemFonts } from './system-fonts.ts';
