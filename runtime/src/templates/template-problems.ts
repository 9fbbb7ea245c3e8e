import { type Locale, type Problem, pick } from '../definitions/kinds.js';
import { parseTemplate } from './parse-template.js';
import { isTemplateVariable, templateVariables } from './variables.js';

/**
 * What keeps a template's text from rendering as its author meant: a `{{name}}` outside the fixed set (a typo such
 * as `{{client.nmae}}` would reach the client verbatim) and braces that open or close nothing. `pointer` is where
 * the text sits in the body (`/text/ru`).
 */
export function templateTextProblems(text: string, pointer: string, locale: Locale): Problem[] {
  const { segments, problems } = parseTemplate(text);
  const found: Problem[] = [];
  for (const segment of segments)
    if (segment.type === 'variable' && !isTemplateVariable(segment.name))
      found.push({
        pointer,
        code: 'template-variable',
        message: pick(
          locale,
          `Неизвестная переменная ${segment.raw}; доступны: ${known()}`,
          `Unknown variable ${segment.raw}; available: ${known()}`,
        ),
      });
  for (const problem of problems)
    found.push({
      pointer,
      code: 'template-braces',
      message:
        problem.kind === 'unclosed'
          ? pick(
              locale,
              `«{{» на позиции ${problem.at + 1} не закрыта «}}»`,
              `"{{" at position ${problem.at + 1} is not closed by "}}"`,
            )
          : pick(
              locale,
              `«}}» на позиции ${problem.at + 1} ничего не закрывает`,
              `"}}" at position ${problem.at + 1} closes nothing`,
            ),
    });
  return found;
}

const known = () => templateVariables.map((name) => `{{${name}}}`).join(', ');
