export { type CompiledField, type CompiledForm, compileForm, FormDesignError } from './compile-form.js';
export { evaluateForm, type FormState } from './evaluate-form.js';
export * from './expressions/index.js';
export { type PreparedSubmission, prepareSubmission, type SubmissionInput } from './submission.js';
