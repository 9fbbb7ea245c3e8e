export { scriptSdkDeclarations, scriptStarterSource } from './declarations.js';
