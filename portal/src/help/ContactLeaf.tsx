import type { TreeLeaf } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { kbPaths } from '../kb/kb-paths';
import { localText } from '../lib/local-text';

type ContactLeafBody = Extract<TreeLeaf, { type: 'contact' }>;

/** A way to reach specialists: the feedback form, or the chat / forum at its address (else what to do, in words). */
export function ContactLeaf({ leaf }: { leaf: ContactLeafBody }) {
  const { t, i18n } = useTranslation();
  const text = leaf.text ? localText(leaf.text, i18n.language) : t(`help.contact.${leaf.channel}Text`);
  const external = leaf.url ? /^https?:\/\//.test(leaf.url) : false;
  return (
    <div className={`helper-contact ${leaf.channel}`} data-testid="helper-contact">
      <p>{text}</p>
      {leaf.channel === 'form' ? (
        <Link to={kbPaths.contact(leaf.form)} className="btn primary">
          {t('help.contact.form')}
        </Link>
      ) : leaf.url && external ? (
        <a href={leaf.url} className="btn primary" target="_blank" rel="noopener noreferrer">
          {t(`help.contact.${leaf.channel}`)}
        </a>
      ) : leaf.url ? (
        <Link to={leaf.url} className="btn primary">
          {t(`help.contact.${leaf.channel}`)}
        </Link>
      ) : (
        // No address for the chat or forum here: the feedback form still reaches the specialists.
        <Link to={kbPaths.contact()} className="btn">
          {t('help.contact.formInstead')}
        </Link>
      )}
    </div>
  );
}
