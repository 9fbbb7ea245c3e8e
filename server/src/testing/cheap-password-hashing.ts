import { hashPasswordsCheaplyForTests } from '../modules/auth/secrets.js';

// Setup file of the server test project (vitest.config.ts): see hashPasswordsCheaplyForTests.
hashPasswordsCheaplyForTests();
