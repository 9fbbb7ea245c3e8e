import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { UserDirectory } from './user-directory.js';
import { userLookupRoutes } from './user-lookup-routes.js';
import { userRoutes } from './user-routes.js';
import { UserService } from './user-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    users: UserService;
  }
}

/** Staff and client accounts (admin screens) and the user picker of user fields. */
export const usersModule = fp(
  async (app) => {
    const users = new UserService(app.db, app.clock, (id) => app.identity.credentialsChanging(id));
    app.decorate('users', users);
    await app.register(userRoutes, { prefix: apiPrefix, users });
    await app.register(userLookupRoutes, { prefix: apiPrefix, directory: new UserDirectory(app.db) });
  },
  { name: 'users', dependencies: ['auth'] },
);
