import { InputError } from '../core/errors.js';

/** The value after `--name`, undefined when the flag is absent; a flag without a value is an InputError. */
export function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) throw new InputError(`${name} needs a value`);
  return v;
}
