export { type BinaryOp, type Expr, ExpressionError, type ExpressionErrorCode, type Value } from './ast.js';
export { checkExpression } from './check.js';
export { evaluate, type Scope } from './evaluate.js';
export { type EvaluationClock, functionArity, functions } from './functions.js';
export { expressionMessage } from './messages.js';
export { maxExpressionLength, parseExpression } from './parse.js';
export { equal, text, truthy } from './values.js';
