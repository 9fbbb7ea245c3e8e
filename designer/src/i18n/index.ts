import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { client } from '../lib/api';
import en from './en.json';
import ru from './ru.json';

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem('opora.locale');
const lng = stored === 'en' ? 'en' : 'ru';
client.locale = lng;

void i18n.use(initReactI18next).init({
  resources: { ru: { translation: ru }, en: { translation: en } },
  lng,
  fallbackLng: 'ru',
  interpolation: { escapeValue: false },
});

/** Switches the UI and the language of server messages; remembered in the browser. */
export function setLocale(locale: 'ru' | 'en'): void {
  localStorage.setItem('opora.locale', locale);
  client.locale = locale;
  document.documentElement.lang = locale;
  void i18n.changeLanguage(locale);
}

export default i18n;
