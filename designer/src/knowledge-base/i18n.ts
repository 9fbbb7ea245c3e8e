import i18n from '../i18n';
import { en } from './texts-en';
import { ru } from './texts-ru';

export { en, ru };

i18n.addResourceBundle('ru', 'translation', { kb: ru }, true, false);
i18n.addResourceBundle('en', 'translation', { kb: en }, true, false);
