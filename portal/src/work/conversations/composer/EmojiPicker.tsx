import { useTranslation } from 'react-i18next';
import { emojiSet } from './emoji-set';

/** A small fixed panel of emoji; a click puts one at the caret and leaves the panel open for another. */
export function EmojiPicker({ onPick }: { onPick: (emoji: string) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="emoji-picker" aria-label={t('composer.emoji')} data-testid="emoji-picker">
      {emojiSet.map((emoji) => (
        <button
          key={emoji}
          type="button"
          className="emoji"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(emoji)}
        >
          {emoji}
        </button>
      ))}
    </fieldset>
  );
}
