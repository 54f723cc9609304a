/** How a list of anomalies says which of them it shows: "all", "the last 5", "the 3 worst, critical first, then the longest". Pure. */
export function listOrder(
  i: { worst?: boolean | undefined; longest?: boolean | undefined; first?: boolean | undefined },
  shown: number,
  total: number,
): string {
  return i.worst
    ? shown === 1 && total > 1
      ? 'the worst (critical first, then the longest)'
      : `${shown === total ? 'all' : `the ${shown} worst`}, critical first, then the longest`
    : i.longest
      ? shown === 1 && total > 1
        ? 'the longest'
        : shown === total
          ? 'all, longest first'
          : `the ${shown} longest`
      : shown === total
        ? i.first && total > 1
          ? 'all, oldest first'
          : 'all'
        : shown === 1
          ? i.first
            ? 'the first'
            : 'the latest'
          : `the ${i.first ? 'first' : 'last'} ${shown}`;
}
