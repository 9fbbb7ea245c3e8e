import i18n from '../../i18n';

/** Texts of operators' status, the queues' tabs and the dialog actions, merged under `distribution`. */
const ru = {
  status: { label: 'Мой статус', online: 'Онлайн', away: 'Отошёл', offline: 'Не в сети' },
  tab: { mine: 'На мне', team: 'На команде', open: 'Все', closed: 'Закрытые' },
  take: 'Взять',
  more: 'Действия с диалогом',
  return: 'Вернуть в очередь',
  transfer: 'Передать',
  transferTo: 'Кому',
  colleagues: 'Коллеги',
  lines: 'Линии',
  note: 'Заметка для коллеги',
  failed: 'Не получилось, попробуйте ещё раз',
  empty: {
    mine: 'На вас пока нет диалогов. Новые придут сами, когда вы в статусе «Онлайн».',
    team: 'В очереди ваших линий никто не ждёт.',
  },
};

const en: typeof ru = {
  status: { label: 'My status', online: 'Online', away: 'Away', offline: 'Offline' },
  tab: { mine: 'Mine', team: 'Team queue', open: 'All', closed: 'Closed' },
  take: 'Take',
  more: 'Dialog actions',
  return: 'Return to queue',
  transfer: 'Transfer',
  transferTo: 'To',
  colleagues: 'Colleagues',
  lines: 'Lines',
  note: 'Note for the colleague',
  failed: 'That did not work, try again',
  empty: {
    mine: 'No dialogs on you yet. New ones arrive on their own while you are Online.',
    team: 'Nobody is waiting on your lines.',
  },
};

i18n.addResourceBundle('ru', 'translation', { distribution: ru }, true, false);
i18n.addResourceBundle('en', 'translation', { distribution: en }, true, false);
