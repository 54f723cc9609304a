import { stamp } from './format-reply.js';

/**
 * "How many alerts last month?" on a bot that began watching this week: a count of none is no
 * evidence, so the reply says which part of the time asked about went unwatched. `began` is when
 * this data dir began to be watched (core/watching-since.ts); none when the whole span was watched. Pure.
 */
export function unwatchedLines(from: number, until: number, began: number | undefined): string[] {
  if (began === undefined || from >= began) return [];
  if (until <= began)
    return [`I began watching at ${stamp(began)}, after that, so I saw nothing of that time: this count says nothing about it.`];
  return [`I began watching only at ${stamp(began)}: nothing before that was seen, so the counts cover only the time since.`];
}
