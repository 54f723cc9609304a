import { z } from 'zod';

/** Config files are data; a misspelt key is an error, not a silently ignored setting. */
export const obj = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);
