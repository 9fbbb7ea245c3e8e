import { AccountHome } from '../account/AccountHome';

/** The client's personal account: requests with their live status, and notifications. */
export function AccountPage() {
  return <AccountHome />;
}
