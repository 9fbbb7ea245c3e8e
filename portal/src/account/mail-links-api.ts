import { client } from '../lib/api';

/** The account calls that go with links sent by mail: password reset and e-mail confirmation. */
export const mailLinks = {
  /** Always the same answer, whether or not such an account exists. */
  askReset: (login: string) => client.request('POST', '/auth/password-reset', { body: { login } }),
  reset: (token: string, password: string) =>
    client.request('POST', '/auth/password-reset/confirm', { body: { token, password } }),
  confirmEmail: (token: string) =>
    client.request<{ linked: number }>('POST', '/portal/email-confirmation', { body: { token } }),
  emailStatus: () =>
    client.request<{ email: string | null; confirmed: boolean }>('GET', '/portal/my/email-confirmation'),
  resendConfirmation: () => client.request('POST', '/portal/my/email-confirmation'),
};

/** The `token` of a link from a mail (`/account/reset?token=…`), or '' when the address has none. */
export const tokenFrom = (address: string): string =>
  new URLSearchParams(address.split('?')[1]?.split('#')[0] ?? '').get('token')?.trim() ?? '';
