import i18n from '../i18n';

/** The operator window's own texts, merged under `operator` beside the shared ones at import. */
const ru = {
  noAssignee: 'В типе «Обращение» нет поля ответственного: назначать обращения пока некому.',
  /** Short enough for the narrow list column; the field's label keeps the full «Поиск по обращениям». */
  searchPlaceholder: 'Найти обращение',
};

const en: typeof ru = {
  noAssignee: 'The request type has no assignee field, so nothing can be assigned yet.',
  searchPlaceholder: 'Find a request',
};

i18n.addResourceBundle('ru', 'translation', { operator: ru }, true, false);
i18n.addResourceBundle('en', 'translation', { operator: en }, true, false);
