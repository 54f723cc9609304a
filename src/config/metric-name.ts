import { z } from 'zod';

export const metricName = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'metric names are lower_snake_case, at most 40 characters');
