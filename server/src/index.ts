export { type AppDeps, buildApp } from './app.js';
export { type Config, readConfig } from './config.js';
export { type Database, openDatabase } from './db/database.js';
