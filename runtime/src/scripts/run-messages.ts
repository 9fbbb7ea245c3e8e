import type { Locale } from '../definitions/kinds.js';

/**
 * What the sandbox tells a script's author, in their language (Russian first). The server's own catalogue
 * covers the API; these are the runner's and the pool's words, which end up in run results and run records.
 */
const runMessages = {
  timeout: {
    ru: 'Скрипт работал дольше своего предела времени ({ms} мс) и был остановлен',
    en: 'The script ran longer than its time limit ({ms} ms) and was stopped',
  },
  cpu_limit: {
    ru: 'Скрипт израсходовал больше процессорного времени, чем ему разрешено ({ms} мс), и был остановлен',
    en: 'The script used more CPU time than its limit ({ms} ms) and was stopped',
  },
  memory_limit: {
    ru: 'Скрипт занял больше памяти, чем ему разрешено ({mb} МБ), и был остановлен',
    en: 'The script used more memory than its limit ({mb} MB) and was stopped',
  },
  output_limit: {
    ru: 'Результат скрипта больше предела ({bytes} байт)',
    en: "The script's result is larger than its output limit ({bytes} bytes)",
  },
  output_too_deep: {
    ru: 'Результат скрипта вложен глубже {depth} уровней',
    en: "The script's result is nested deeper than {depth} levels",
  },
  invalid_output: {
    ru: 'Результат скрипта не соответствует его схеме результата: {problems}',
    en: "The script's result does not match its output schema: {problems}",
  },
  input_too_deep: {
    ru: 'Входные данные вложены глубже {depth} уровней',
    en: 'The input is nested deeper than {depth} levels',
  },
  no_default_export: {
    ru: 'Скрипт должен экспортировать функцию по умолчанию: export default async function run(ctx) { … }',
    en: 'The script must export a default function: export default async function run(ctx) { … }',
  },
  sdk_call_limit: {
    ru: 'Достигнут предел вызовов SDK ({count} за запуск)',
    en: 'SDK call limit reached ({count} calls per run)',
  },
  sdk_too_many_waiting: {
    ru: 'Слишком много вызовов SDK ждут ответа (не больше {count}); дождитесь ответов, прежде чем начинать новые',
    en: 'Too many SDK calls are waiting (at most {count}); await some answers before starting more',
  },
  sdk_arguments_too_large: {
    ru: 'Аргументы вызова SDK больше {bytes} байт',
    en: 'The arguments of an SDK call are larger than {bytes} bytes',
  },
  sdk_value_too_deep: {
    ru: 'Значение в вызове SDK вложено глубже {depth} уровней',
    en: 'A value in an SDK call is nested deeper than {depth} levels',
  },
  sdk_value_nul: {
    ru: 'Текст в вызове SDK содержит недопустимый символ NUL (\\u0000)',
    en: 'Text in an SDK call contains the NUL character (\\u0000), which is not allowed',
  },
  sdk_answer_too_deep: {
    ru: 'Ответ на вызов SDK вложен глубже {depth} уровней и не может быть передан скрипту',
    en: 'The answer to an SDK call is nested deeper than {depth} levels and cannot be passed to the script',
  },
  sdk_bad_call: {
    ru: 'Некорректный вызов SDK',
    en: 'Malformed SDK call',
  },
  sandbox_stopped: {
    ru: 'Песочница перестала отвечать; скрипт остановлен',
    en: 'The sandbox stopped answering; the script was stopped',
  },
  sandbox_crashed: {
    ru: 'Процесс песочницы неожиданно завершился во время работы скрипта; он перезапущен',
    en: 'The sandbox process ended unexpectedly while running the script; it has been restarted',
  },
  sandbox_unavailable: {
    ru: 'Песочница не запустилась за {seconds} с; скрипт не выполнялся. Повторите позже',
    en: 'The sandbox did not start within {seconds} s; the script did not run. Try again later',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type RunMessageKey = keyof typeof runMessages;

/** The message in the locale, `{name}` placeholders filled (by a function, so no `$` pattern in a value applies). */
export function runMessage(
  locale: Locale,
  key: RunMessageKey,
  params: Record<string, string | number> = {},
): string {
  return runMessages[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
