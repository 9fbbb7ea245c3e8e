import { useEffect } from 'react';
import { useStore } from '../../lib/store';
import { flash } from '../state/flash';

/** Shows the message left by the previous screen, then forgets it. */
export function FlashMessage() {
  const message = useStore(flash);
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => flash.set(null), 8000);
    return () => clearTimeout(timer);
  }, [message]);
  if (!message) return null;
  return (
    <div className={`banner ${message.tone}`} role="status" data-testid="flash">
      {message.text}
    </div>
  );
}
