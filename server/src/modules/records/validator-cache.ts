import { compileRecordValidator, type EntityBody, type Locale } from '@opora/runtime/definitions';

type Validator = ReturnType<typeof compileRecordValidator>;

/** Compiled record validators per entity version and locale; published versions are immutable, so entries never go stale. */
export class ValidatorCache {
  private readonly cache = new Map<string, Validator>();

  get(entity: string, version: number, body: EntityBody, locale: Locale): Validator {
    const key = `${entity}@${version}:${locale}`;
    let validator = this.cache.get(key);
    if (!validator) {
      validator = compileRecordValidator(body, locale);
      this.cache.set(key, validator);
    }
    return validator;
  }
}
