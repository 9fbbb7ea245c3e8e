import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { navigate } from '../lib/router';

const topics = ['account', 'password', 'payment', 'delivery'] as const;

/** The self-service front door: search first, popular topics, and the ways to reach a specialist. */
export function HomePage() {
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
          {(['feedback', 'chat'] as const).map((channel) => (
            <div key={channel} className="tile static">
              <strong>{t(`home.channel.${channel}.title`)}</strong>
              <span className="muted">{t(`home.channel.${channel}.text`)}</span>
              <span className="soon">{t('home.soon')}</span>
            </div>
          ))}
        </div>
      </section>
    </>
  );
}
