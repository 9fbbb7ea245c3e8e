import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { navigate } from '../lib/router';
import { SitePage } from '../site/SitePage';

const topics = ['account', 'password', 'payment', 'delivery'] as const;

/**
 * The front door: the portal's published home page, or — while none is published (or the server cannot say) —
 * the built-in one below.
 */
export function HomePage() {
  return <SitePage path="/" fallback={<BuiltInHome />} fallbackOnError />;
}

/** The built-in front door: search first, popular topics, and the ways to reach a specialist. */
function BuiltInHome() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (q.trim()) navigate(`/search?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <>
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p>{t('home.subtitle')}</p>
        <form className="hero-search" onSubmit={submit}>
          <input
            data-testid="home-search"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('home.searchPlaceholder')}
            aria-label={t('home.searchPlaceholder')}
          />
          <button type="submit" className="btn primary">
            {t('home.search')}
          </button>
        </form>
      </section>
      <section className="section">
        <h2>{t('home.topics')}</h2>
        <div className="tiles">
          {topics.map((topic) => (
            <Link
              key={topic}
              to={`/search?q=${encodeURIComponent(t(`home.topic.${topic}.query`))}`}
              className="tile"
            >
              <strong>{t(`home.topic.${topic}.title`)}</strong>
              <span className="muted">{t(`home.topic.${topic}.text`)}</span>
            </Link>
          ))}
        </div>
      </section>
      <section className="section">
        <h2>{t('home.contact')}</h2>
        <div className="tiles">
          <Link to="/contact" className="tile">
            <strong>{t('home.channel.feedback.title')}</strong>
            <span className="muted">{t('home.channel.feedback.text')}</span>
          </Link>
          <div className="tile static">
            <strong>{t('home.channel.chat.title')}</strong>
            <span className="muted">{t('home.channel.chat.text')}</span>
            <span className="soon">{t('home.soon')}</span>
          </div>
        </div>
      </section>
    </>
  );
}
