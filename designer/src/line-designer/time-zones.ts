/**
 * The time zones offered first, by the names people use for them: Russia's zones by their city and difference from
 * Moscow, then the neighbours a Russian company most often serves. Any other IANA zone can still be typed.
 */
export const offeredZones: readonly { zone: string; ru: string; en: string }[] = [
  { zone: 'Europe/Kaliningrad', ru: 'Калининград (МСК−1)', en: 'Kaliningrad (MSK−1)' },
  { zone: 'Europe/Moscow', ru: 'Москва (МСК)', en: 'Moscow (MSK)' },
  { zone: 'Europe/Samara', ru: 'Самара (МСК+1)', en: 'Samara (MSK+1)' },
  { zone: 'Asia/Yekaterinburg', ru: 'Екатеринбург (МСК+2)', en: 'Yekaterinburg (MSK+2)' },
  { zone: 'Asia/Omsk', ru: 'Омск (МСК+3)', en: 'Omsk (MSK+3)' },
  { zone: 'Asia/Novosibirsk', ru: 'Новосибирск (МСК+4)', en: 'Novosibirsk (MSK+4)' },
  { zone: 'Asia/Krasnoyarsk', ru: 'Красноярск (МСК+4)', en: 'Krasnoyarsk (MSK+4)' },
  { zone: 'Asia/Irkutsk', ru: 'Иркутск (МСК+5)', en: 'Irkutsk (MSK+5)' },
  { zone: 'Asia/Yakutsk', ru: 'Якутск (МСК+6)', en: 'Yakutsk (MSK+6)' },
  { zone: 'Asia/Vladivostok', ru: 'Владивосток (МСК+7)', en: 'Vladivostok (MSK+7)' },
  { zone: 'Asia/Magadan', ru: 'Магадан (МСК+8)', en: 'Magadan (MSK+8)' },
  { zone: 'Asia/Kamchatka', ru: 'Петропавловск-Камчатский (МСК+9)', en: 'Petropavlovsk-Kamchatsky (MSK+9)' },
  { zone: 'Europe/Minsk', ru: 'Минск', en: 'Minsk' },
  { zone: 'Asia/Almaty', ru: 'Алматы', en: 'Almaty' },
  { zone: 'Asia/Tashkent', ru: 'Ташкент', en: 'Tashkent' },
  { zone: 'Asia/Yerevan', ru: 'Ереван', en: 'Yerevan' },
  { zone: 'Asia/Tbilisi', ru: 'Тбилиси', en: 'Tbilisi' },
  { zone: 'Asia/Dubai', ru: 'Дубай', en: 'Dubai' },
  { zone: 'Europe/Istanbul', ru: 'Стамбул', en: 'Istanbul' },
  { zone: 'Europe/Berlin', ru: 'Берлин', en: 'Berlin' },
  { zone: 'Europe/London', ru: 'Лондон', en: 'London' },
  { zone: 'America/New_York', ru: 'Нью-Йорк', en: 'New York' },
  { zone: 'UTC', ru: 'Всемирное время', en: 'Coordinated Universal Time' },
];

/** Every zone the browser knows, for typing one that is not offered (empty where Intl cannot list them). */
export function allZones(): string[] {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}
