import type { TreeLeaf } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { withTopic } from '../forms/topic-address';
import { kbPaths } from '../kb/kb-paths';
import { localText } from '../lib/local-text';

type ContactLeafBody = Extract<TreeLeaf, { type: 'contact' }>;

/**
 * A way to reach specialists: the feedback form (told the way the visitor came, as the request's topic), or the
 * chat / forum at its address. A chat or forum with no address does not exist here: the visitor is told so and
 * offered the form, whatever the leaf's text promises.
 */
export function ContactLeaf({ leaf, topic }: { leaf: ContactLeafBody; topic: string }) {
  const { t, i18n } = useTranslation();
  const missing = leaf.channel !== 'form' && !leaf.url;
  const text = leaf.text
    ? localText(leaf.text, i18n.language)
    : t(missing ? `help.contact.${leaf.channel}Missing` : `help.contact.${leaf.channel}Text`);
  const external = leaf.url ? /^https?:\/\//.test(leaf.url) : false;
  return (
    <div className={`helper-contact ${leaf.channel}`} data-testid="helper-contact">
      <p>{text}</p>
      {missing && leaf.text && <p className="muted">{t(`help.contact.${leaf.channel}Missing`)}</p>}
      {leaf.channel === 'form' ? (
        <Link
          to={withTopic(kbPaths.contact(leaf.form), topic)}
          className="btn primary"
          data-testid="helper-form"
        >
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
        <Link to={withTopic(kbPaths.contact(), topic)} className="btn primary" data-testid="helper-form">
          {t('help.contact.formInstead')}
        </Link>
      )}
    </div>
  );
}
