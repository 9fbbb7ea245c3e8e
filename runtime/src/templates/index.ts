export { firstNameOf } from './first-name.js';
export { upgradeLegacyVariables } from './legacy-variables.js';
export { type ParsedTemplate, parseTemplate, type TemplateSegment } from './parse-template.js';
export {
  type LocalizedText,
  renderLocalized,
  renderTemplate,
  type TemplateValues,
  templateText,
} from './render-template.js';
export {
  foldForSearch,
  type SearchableTemplate,
  searchTemplates,
  type TemplateQuery,
} from './search-templates.js';
export { templateTextProblems } from './template-problems.js';
export {
  isTemplateVariable,
  type TemplateVariable,
  templateVariableInfo,
  templateVariables,
} from './variables.js';
