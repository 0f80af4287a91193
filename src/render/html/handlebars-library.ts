/**
 * Handlebars, for the modules that render: they are loaded only when something is rendered (the
 * portal index, the dashboards and the serve pages included), so a run that renders nothing (a
 * no-op build) never loads it.
 */
import Handlebars from 'handlebars';

export const handlebars = (): typeof Handlebars => Handlebars;
