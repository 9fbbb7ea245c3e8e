import i18n from '../i18n';

/** The script screens' own texts (beside the older `script.*` keys in the shared dictionaries). */
export const ru = {
  failure: {
    timeout: 'Превышено время',
    cpu_limit: 'Превышено процессорное время',
    memory_limit: 'Превышен предел памяти',
    output_limit: 'Слишком большой результат',
    sdk_call_limit: 'Превышен предел вызовов SDK',
    runtime_error: 'Ошибка выполнения',
    invalid_output: 'Результат не по схеме',
    invalid_input: 'Неверные входные данные',
    sandbox_crashed: 'Сбой песочницы',
    sandbox_unavailable: 'Песочница недоступна',
  },
  failed: 'Ошибка',
  compileProblems: 'Скрипт не компилируется — исправьте ошибки и запустите снова:',
  goToLine: 'строка {{line}}',
};

export const en: typeof ru = {
  failure: {
    timeout: 'Time limit exceeded',
    cpu_limit: 'CPU time limit exceeded',
    memory_limit: 'Memory limit exceeded',
    output_limit: 'Result too large',
    sdk_call_limit: 'SDK call limit exceeded',
    runtime_error: 'Runtime error',
    invalid_output: 'Result does not match its schema',
    invalid_input: 'Invalid input',
    sandbox_crashed: 'Sandbox failure',
    sandbox_unavailable: 'Sandbox unavailable',
  },
  failed: 'Error',
  compileProblems: 'The script does not compile — fix these errors and run it again:',
  goToLine: 'line {{line}}',
};

i18n.addResourceBundle('ru', 'translation', { scriptRun: ru }, true, false);
i18n.addResourceBundle('en', 'translation', { scriptRun: en }, true, false);
